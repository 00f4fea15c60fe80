import { Button, Modal, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { lastApiActivity, SESSION_EXPIRED_EVENT } from '../../api/client';
import { ME_QUERY_KEY, type Me } from '../../api/me';
import { clearSessionExpired, markSessionExpired, useSessionExpired } from './session-state';

const CHECK_EVERY_MS = 15_000;

/**
 * Watches for the end of the session: a 401 from any API call, or the idle timeout passing with
 * no request (checked locally, without calling the server, so watching never keeps a session
 * alive). On expiry every cached answer is dropped and the "Session Expired" dialog shows.
 */
export function SessionWatcher({ me }: { me: Me | null | undefined }) {
  const queryClient = useQueryClient();
  const expired = useSessionExpired();
  const navigate = useNavigate();
  const location = useLocation();

  useEffect(() => {
    const expire = () => {
      if (!queryClient.getQueryData<Me | null>(ME_QUERY_KEY)) return;
      markSessionExpired();
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      queryClient.setQueryData(ME_QUERY_KEY, null);
    };
    window.addEventListener(SESSION_EXPIRED_EVENT, expire);
    return () => window.removeEventListener(SESSION_EXPIRED_EVENT, expire);
  }, [queryClient]);

  const idleMs = me ? me.session.idleMinutes * 60_000 : undefined;
  useEffect(() => {
    if (idleMs === undefined) return;
    const timer = window.setInterval(() => {
      // The server ends the session idleMs after the last request; confirm once it has passed.
      if (Date.now() - lastApiActivity() > idleMs + 5_000) {
        void queryClient.refetchQueries({ queryKey: ME_QUERY_KEY });
      }
    }, CHECK_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [idleMs, queryClient]);

  const signInAgain = () => {
    clearSessionExpired();
    const next = `${location.pathname}${location.search}`;
    navigate(`/signin?next=${encodeURIComponent(next)}`, { replace: true });
  };

  return (
    <Modal opened={expired} onClose={signInAgain} title="Session Expired" centered withCloseButton={false} closeOnClickOutside={false}>
      <Stack>
        <Text>
          Your session has expired because it was inactive for too long. To protect student information, please sign in again to continue.
        </Text>
        <Button onClick={signInAgain} data-autofocus>
          Sign In Again
        </Button>
      </Stack>
    </Modal>
  );
}
