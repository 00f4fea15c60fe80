import { Button, Group, Menu, Text } from '@mantine/core';
import { useState } from 'react';
import { type Population, type ResourceLink, useResources } from '../../api/results';

function ResourceButton({ label, links, loading = false }: { label: string; links: ResourceLink[]; loading?: boolean }) {
  if (loading) {
    return (
      <Button variant="default" size="xs" disabled aria-busy="true">
        {label}
      </Button>
    );
  }
  if (links.length === 0) {
    return (
      <Group gap={6} wrap="nowrap">
        <Button variant="default" size="xs" disabled>
          {label}
        </Button>
        <Text size="xs" c="dimmed">
          none added for this assessment
        </Text>
      </Group>
    );
  }
  // One link opens directly; a link meant for one achievement level is offered in the menu, which names the level.
  if (links.length === 1 && links[0]?.performanceLevel == null) {
    const only = links[0] as ResourceLink;
    return (
      <Button component="a" href={only.url} target="_blank" rel="noopener noreferrer" variant="default" size="xs">
        {label}
      </Button>
    );
  }
  return (
    <Menu withinPortal position="bottom-start">
      <Menu.Target>
        <Button variant="default" size="xs" aria-haspopup="menu">
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {links.map((l) => (
          <Menu.Item key={`${l.id}-${l.url}`} component="a" href={l.url} target="_blank" rel="noopener noreferrer">
            {l.title}
            {l.organizationName ? ` (${l.organizationName})` : ''}
            {l.performanceLevel != null ? ` · for Level ${l.performanceLevel}` : ''}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/**
 * District Resources and Tools for Teachers (user documents, video 15): links configured by
 * administrators for the assessment, most specific organization first; Tools for Teachers falls
 * back to the public site. They open in a new tab.
 */
export function ResourceButtons({ population, assessmentId }: { population: Population; assessmentId: number }) {
  const q = useResources(population, assessmentId);
  return (
    <Group gap="xs" className="cers-no-print">
      <ResourceButton label="District Resources" links={q.data?.district ?? []} loading={q.isLoading} />
      <ResourceButton label="Tools for Teachers" links={q.data?.toolsForTeachers ?? []} loading={q.isLoading} />
    </Group>
  );
}

/**
 * Resources for one target (Target Report rows): District Resources and Tools for Teachers links
 * configured for the target or its claim, fetched when the menu opens.
 */
export function TargetResourcesMenu({
  population,
  assessmentId,
  targetId,
  claimCode,
  label,
}: {
  population: Population;
  assessmentId: number;
  targetId: number;
  claimCode: string;
  label: string;
}) {
  const [opened, setOpened] = useState(false);
  const q = useResources(population, assessmentId, { targetId, claimCode }, opened);
  const links = [...(q.data?.district ?? []), ...(q.data?.toolsForTeachers ?? [])];
  return (
    <Menu withinPortal position="bottom-end" opened={opened} onChange={setOpened}>
      <Menu.Target>
        <Button size="compact-xs" variant="subtle" aria-haspopup="menu" aria-label={`Instructional resources for target ${label}`}>
          Resources
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {q.isLoading && <Menu.Label>Loading…</Menu.Label>}
        {q.data && links.length === 0 && (
          <Text size="sm" p="xs">
            No resources for this target.
          </Text>
        )}
        {q.data?.district.map((l) => (
          <Menu.Item key={`d-${l.id}-${l.url}`} component="a" href={l.url} target="_blank" rel="noopener noreferrer">
            District Resources: {l.title}
          </Menu.Item>
        ))}
        {q.data?.toolsForTeachers.map((l) => (
          <Menu.Item key={`t-${l.id}-${l.url}`} component="a" href={l.url} target="_blank" rel="noopener noreferrer">
            Tools for Teachers: {l.title}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
