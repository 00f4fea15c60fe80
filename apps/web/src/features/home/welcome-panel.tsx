import { List, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { Me } from '../../api/me';

/** The home page's Welcome box: who is signed in and what the roles reach. */
export function WelcomePanel({ me }: { me: Me }) {
  const headingId = useId();
  const roles = [...new Map(me.roles.map((r) => [`${r.role}:${r.orgId}`, r])).values()];
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md" radius="md">
      <Stack gap="xs">
        <Title order={2} size="h4" id={headingId}>
          Welcome, {me.user.displayName}
        </Title>
        {roles.length > 0 ? (
          <List size="sm" spacing={2}>
            {roles.map((r) => (
              <List.Item key={`${r.role}:${r.orgId}`}>
                {r.label}
                {r.orgName ? ` — ${r.orgName}` : ''}
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">You have no CERS role yet. Ask your LEA CAASPP or ELPAC coordinator for access.</Text>
        )}
        <Text size="sm" c="dimmed">
          {me.teacherOnly
            ? 'You see the results of the students in the groups assigned to you, for the groups’ subjects.'
            : 'You see the results of the students of your organizations.'}
        </Text>
      </Stack>
    </Paper>
  );
}
