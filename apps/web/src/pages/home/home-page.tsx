import { Grid, Stack, Title } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { can, type Me, useMe } from '../../api/me';
import { ROUTES } from '../../app/routes';
import { GroupsPanel } from '../../features/groups/groups-panel';
import { visibleAdminTools } from '../../features/home/admin-tools';
import { AdminToolsPanel } from '../../features/home/admin-tools-panel';
import { WelcomePanel } from '../../features/home/welcome-panel';
import { renderStudentPrintableReports } from '../../features/printable-reports/slots';
import { SearchBySchool } from '../../features/search/search-by-school';
import { SearchByStudent } from '../../features/search/search-by-student';

/**
 * The home page, per role (cers-features.md §3.1; seeds 002: the Educator—Roster home page does
 * not display Administrator Tools or Search by School). Left column: Administrator Tools, then
 * "Access Assessment Results" with one section per feature; right column: Welcome.
 *
 * Each section is one component from its feature folder, shown when the user's permissions allow
 * it. To add a section, add one guarded line in AccessAssessmentResults.
 */
export function HomePage() {
  const { data: me } = useMe();
  if (!me) return null; // the layout only renders pages for signed-in users
  const tools = visibleAdminTools(
    me,
    ROUTES.map((r) => r.path),
  );
  return (
    <Grid py="md" gutter="lg">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="lg">
          <AdminToolsPanel me={me} tools={tools} />
          <AccessAssessmentResults me={me} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <WelcomePanel me={me} />
      </Grid.Col>
    </Grid>
  );
}

/**
 * "Access Assessment Results": the search and group sections the user's permissions allow.
 * Sections, in CERS's order (each from its feature folder):
 * - Search by Student — features/search; every role reading individual results (teachers: their groups only)
 * - Search by School — features/search; administrators only (can(me, 'INDIVIDUAL_READ'))
 * - Assigned Groups / My Groups — features/groups; can(me, 'GROUP_PII_READ')
 */
function AccessAssessmentResults({ me }: { me: Me }) {
  const sections: { key: string; element: ReactNode }[] = [];
  const reads = can(me, 'INDIVIDUAL_READ') || can(me, 'GROUP_PII_READ');
  if (reads) sections.push({ key: 'search-student', element: <SearchByStudent renderPrintableReports={renderStudentPrintableReports} /> });
  if (can(me, 'INDIVIDUAL_READ')) sections.push({ key: 'search-school', element: <SearchBySchool /> });
  if (can(me, 'GROUP_PII_READ')) sections.push({ key: 'groups', element: <GroupsPanel /> });
  if (!reads || sections.length === 0) return null;
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        Access Assessment Results
      </Title>
      {sections.map((s) => (
        <Fragment key={s.key}>{s.element}</Fragment>
      ))}
    </Stack>
  );
}
