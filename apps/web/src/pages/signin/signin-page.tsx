import { Alert, Anchor, Button, Divider, Paper, PasswordInput, Popover, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useSignIn, useSignInOptions } from '../../api/auth';
import { ApiError } from '../../api/client';
import { useMe } from '../../api/me';
import { safeNext } from '../../features/auth/session-state';

/** Messages for the codes the single sign-on callback returns with (?error=). */
const SSO_ERRORS: Record<string, string> = {
  'sso-unknown-user': 'Your single sign-on account is not registered in CERS. Ask your LEA CAASPP or ELPAC coordinator for access.',
  'sso-disabled': 'This CERS account is disabled. Contact your LEA CAASPP or ELPAC coordinator.',
  'sso-cancelled': 'Single sign-on was cancelled.',
  'sso-expired': 'The single sign-on attempt expired or was started in another window. Please try again.',
  'sso-unavailable': 'The single sign-on service is not available right now. Try again later or sign in with your password.',
  'sso-failed': 'Single sign-on did not complete. Please try again.',
};

/**
 * The logon screen (seeds 003: Email Address, Password, "Forgot Your Password?", Secure Logon) plus
 * single sign-on and the CERS Sandbox button (seeds 001: "Select the CERS Sandbox button").
 */
export function SignInPage() {
  const me = useMe();
  const options = useSignInOptions();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const ssoError = params.get('error');

  if (me.data && !me.data.user.isSandbox) return <Navigate to={next} replace />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ login, password }, { onSuccess: () => navigate(next, { replace: true }) });
  };
  const error = signIn.error instanceof ApiError ? signIn.error.message : signIn.error ? 'CERS is not reachable. Try again.' : null;

  return (
    <Stack maw={420} mx="auto" py="xl">
      <Title order={2}>Logon</Title>
      {ssoError && (
        <Alert color="red" role="alert">
          {SSO_ERRORS[ssoError] ?? SSO_ERRORS['sso-failed']}
        </Alert>
      )}
      <Paper withBorder p="lg" radius="md" component="form" onSubmit={onSubmit} aria-label="Logon">
        <Stack>
          <TextInput
            label="Email Address"
            type="email"
            autoComplete="username"
            value={login}
            onChange={(e) => setLogin(e.currentTarget.value)}
            required
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            required
          />
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Button type="submit" loading={signIn.isPending}>
            Secure Logon
          </Button>
          <ForgotPassword />
        </Stack>
      </Paper>
      {options.data?.oidc.enabled && (
        <Button component="a" href={`${options.data.oidc.loginUrl}?returnTo=${encodeURIComponent(next)}`} variant="default">
          Sign in with single sign-on
        </Button>
      )}
      {options.data?.sandbox && (
        <>
          <Divider label="Training" labelPosition="center" />
          <Text size="sm" c="dimmed">
            The CERS Sandbox lets you explore CERS with generated data and sample assessments. No email address or password is needed.
          </Text>
          <Button component={Link} to="/sandbox" variant="light">
            CERS Sandbox
          </Button>
        </>
      )}
    </Stack>
  );
}

/** Password resets are issued by an administrator (docs/access.md §Password reset). */
function ForgotPassword() {
  return (
    <Popover width={320} position="bottom" withArrow>
      <Popover.Target>
        <Anchor component="button" type="button" size="sm">
          Forgot Your Password?
        </Anchor>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm">
          Ask your LEA CAASPP or ELPAC coordinator (or CERS administrator) for a password reset link. The link works once and lets you
          choose a new password.
        </Text>
      </Popover.Dropdown>
    </Popover>
  );
}
