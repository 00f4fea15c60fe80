import { Alert, Button, List, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useResetPassword, useSignInOptions } from '../../api/auth';
import { ApiError } from '../../api/client';

/** The token travels in the URL fragment (#token=…), which browsers never send to a server. */
function tokenFromLocation(): string {
  const hash = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  return hash.get('token') ?? new URLSearchParams(window.location.search).get('token') ?? '';
}

/** Sets a new password with the one-time link an administrator issued (cers user reset-password). */
export function ResetPasswordPage() {
  const [token] = useState(tokenFromLocation);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const reset = useResetPassword();
  const options = useSignInOptions();
  const minLength = options.data?.passwordPolicy.minLength ?? 12;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== confirm);
    if (password === confirm) reset.mutate({ token, newPassword: password });
  };

  if (reset.isSuccess) {
    return (
      <Stack maw={440} mx="auto" py="xl">
        <Title order={2}>Password Changed</Title>
        <Alert color="green">Your password was changed. Sign in with your new password.</Alert>
        <Button component={Link} to="/signin">
          Go to Logon
        </Button>
      </Stack>
    );
  }
  const error = reset.error instanceof ApiError ? reset.error.message : reset.error ? 'CERS is not reachable. Try again.' : null;

  return (
    <Stack maw={440} mx="auto" py="xl">
      <Title order={2}>Set a New Password</Title>
      {!token ? (
        <Alert color="red">This page needs the password reset link from your administrator. Open the whole link they gave you.</Alert>
      ) : (
        <Paper withBorder p="lg" radius="md" component="form" onSubmit={onSubmit} aria-label="Set a new password">
          <Stack>
            <Text size="sm">Your new password:</Text>
            <List size="sm">
              <List.Item>has at least {minLength} characters;</List.Item>
              <List.Item>mixes letters with digits or symbols;</List.Item>
              <List.Item>does not contain your user name.</List.Item>
            </List>
            <PasswordInput
              label="New Password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              required
            />
            <PasswordInput
              label="Confirm New Password"
              autoComplete="new-password"
              value={confirm}
              onChange={(e) => setConfirm(e.currentTarget.value)}
              error={mismatch ? 'The two passwords do not match.' : null}
              required
            />
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Button type="submit" loading={reset.isPending}>
              Save Password
            </Button>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
