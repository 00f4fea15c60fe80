import { Button, Group, Menu } from '@mantine/core';
import { type Population, type ResourceLink, useResources } from '../../api/results';

function ResourceButton({ label, links }: { label: string; links: ResourceLink[] }) {
  if (links.length === 0) {
    return (
      <Button variant="default" size="xs" disabled title="No resources have been added for this assessment">
        {label}
      </Button>
    );
  }
  if (links.length === 1) {
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
      <ResourceButton label="District Resources" links={q.data?.district ?? []} />
      <ResourceButton label="Tools for Teachers" links={q.data?.toolsForTeachers ?? []} />
    </Group>
  );
}
