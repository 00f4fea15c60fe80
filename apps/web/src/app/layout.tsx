import { Anchor, AppShell, Container, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export function Layout({ children }: { children: ReactNode }) {
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header>
        <Container size="xl" h="100%">
          <Group h="100%" justify="space-between">
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Title order={1} size="h3">
                CERS
                <Text span size="sm" c="dimmed" ml="sm" visibleFrom="sm">
                  California Educator Reporting System
                </Text>
              </Title>
            </Anchor>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="xl" component="main" id="main">
          {children}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
