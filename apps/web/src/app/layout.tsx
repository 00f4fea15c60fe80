import { Alert, Anchor, AppShell, Center, Container, Group, Loader, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { type Me, useMe } from '../api/me';
import { SandboxBanner } from '../features/auth/sandbox-banner';
import { isPublicPath, useSessionExpired } from '../features/auth/session-state';
import { SessionWatcher } from '../features/auth/session-watcher';
import { LogoutButton, UserMenu } from '../features/auth/user-menu';
import classes from './layout.module.css';
import { ROUTES } from './routes';

/** A header link only when its page exists (entries of other issues stay hidden until then). */
const hasRoute = (path: string) => ROUTES.some((r) => r.path === path);

/**
 * Every page's frame: header (title, Home, My Reports, user menu, Logout), the sandbox banner, and
 * the sign-in gate: pages other than sign-in, Sandbox and password reset need a session; without
 * one the user is sent to sign in (or sees "Session Expired" when the session just ended).
 */
export function Layout({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const expired = useSessionExpired();
  const publicPage = isPublicPath(location.pathname);
  const user = publicPage ? undefined : (me.data ?? undefined);

  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header>
        <Anchor href="#main" className={classes.skip}>
          Skip to main content
        </Anchor>
        <Container size="xl" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Title order={1} size="h3">
                CERS
                <Text span size="sm" c="dimmed" ml="sm" visibleFrom="sm">
                  California Educator Reporting System
                </Text>
              </Title>
            </Anchor>
            {user && <HeaderNav me={user} />}
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main>
        {me.data?.user.isSandbox && <SandboxBanner />}
        <Container size="xl" component="main" id="main" tabIndex={-1}>
          {gate({ publicPage, me, expired, children, next: `${location.pathname}${location.search}` })}
        </Container>
        <SessionWatcher me={me.data} />
      </AppShell.Main>
    </AppShell>
  );
}

function gate(args: { publicPage: boolean; me: ReturnType<typeof useMe>; expired: boolean; children: ReactNode; next: string }) {
  const { publicPage, me, expired, children, next } = args;
  if (publicPage) return children;
  if (me.isPending) {
    return (
      <Center py="xl" role="status" aria-label="Loading">
        <Loader />
      </Center>
    );
  }
  if (me.isError) {
    return (
      <Alert color="red" title="CERS is not reachable" mt="lg">
        The server did not answer. Check your connection and reload the page.
      </Alert>
    );
  }
  if (!me.data) return expired ? null : <Navigate to={`/signin?next=${encodeURIComponent(next)}`} replace />;
  return children;
}

function HeaderNav({ me }: { me: Me }) {
  return (
    <Group gap="md" wrap="nowrap" component="nav" aria-label="Main">
      <Anchor component={Link} to="/" size="sm">
        Home
      </Anchor>
      {hasRoute('/reports') && (
        <Anchor component={Link} to="/reports" size="sm">
          My Reports
        </Anchor>
      )}
      <UserMenu me={me} />
      <LogoutButton me={me} />
    </Group>
  );
}
