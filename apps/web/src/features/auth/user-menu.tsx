import { Button, Menu, Text, UnstyledButton } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useSignOut } from '../../api/auth';
import type { Me } from '../../api/me';
import { setSigningOut } from './session-state';

/** Signs out, then returns to the sign-in page (or the Sandbox page for sandbox users). */
function useLogout(me: Me) {
  const signOut = useSignOut();
  const navigate = useNavigate();
  const logout = () => {
    setSigningOut(true);
    signOut.mutate(undefined, {
      onSettled: () => {
        setSigningOut(false);
        navigate(me.user.isSandbox ? '/sandbox' : '/signin', { replace: true });
      },
    });
  };
  return { logout, pending: signOut.isPending };
}

/** The header's user name menu: who is signed in, as what, and Logout (cers-features.md §2). */
export function UserMenu({ me }: { me: Me }) {
  const { logout, pending } = useLogout(me);
  const roles = [...new Set(me.roles.map((r) => `${r.label}${r.orgName ? `, ${r.orgName}` : ''}`))];
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={`User menu for ${me.user.displayName}`}>
          <Text fw={500} size="sm">
            {me.user.displayName} ▾
          </Text>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.user.login}</Menu.Label>
        {roles.map((r) => (
          <Menu.Label key={r}>{r}</Menu.Label>
        ))}
        <Menu.Divider />
        <Menu.Item onClick={logout} disabled={pending}>
          Logout
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** The header's Logout button (CERS shows it beside the user name). */
export function LogoutButton({ me }: { me: Me }) {
  const { logout, pending } = useLogout(me);
  return (
    <Button variant="subtle" size="compact-sm" loading={pending} onClick={logout}>
      Logout
    </Button>
  );
}
