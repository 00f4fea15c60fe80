import { Alert, Button, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useEnterSandbox, useSandboxPersonas, useSignInOptions } from '../../api/auth';
import { ApiError } from '../../api/client';
import { Busy } from '../../components/busy';

/**
 * The CERS Sandbox (seeds 001: "Select one of the Teacher roles", "Select the Enter Sandbox
 * button"): no password, a role to enter as, generated data only.
 */
export function SandboxPage() {
  const options = useSignInOptions();
  const enabled = options.data?.sandbox ?? false;
  const personas = useSandboxPersonas(enabled);
  const enter = useEnterSandbox();
  const navigate = useNavigate();
  const [choice, setChoice] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (choice) enter.mutate(choice, { onSuccess: () => navigate('/', { replace: true }) });
  };

  if (options.isPending) return <Busy m="xl" label="Loading" />;
  if (!enabled) {
    return (
      <Stack maw={560} mx="auto" py="xl">
        <Title order={2}>CERS Sandbox</Title>
        <Alert color="gray">The CERS Sandbox is not available on this server.</Alert>
        <Button component={Link} to="/signin" variant="default">
          Go to Logon
        </Button>
      </Stack>
    );
  }
  const list = personas.data?.personas ?? [];
  const error = enter.error instanceof ApiError ? enter.error.message : enter.error ? 'CERS is not reachable. Try again.' : null;

  return (
    <Stack maw={560} mx="auto" py="xl">
      <Title order={2}>CERS Sandbox</Title>
      <Text>
        The CERS Sandbox is a training copy of CERS. Its students, schools and results are generated and fictitious, so you can explore
        every feature without a secure logon.
      </Text>
      <Paper withBorder p="lg" radius="md" component="form" onSubmit={onSubmit} aria-label="Enter the CERS Sandbox">
        <Stack>
          {personas.isPending && <Busy size="sm" label="Loading roles" />}
          {personas.isSuccess && list.length === 0 && (
            <Alert color="yellow">The sandbox data is still being prepared. Reload this page in a minute.</Alert>
          )}
          {list.length > 0 && (
            <Radio.Group label="Select a role" value={choice} onChange={setChoice} required>
              <Stack gap="sm" mt="xs">
                {list.map((p) => (
                  <Radio key={p.key} value={p.key} label={p.label} description={p.description} />
                ))}
              </Stack>
            </Radio.Group>
          )}
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Button type="submit" disabled={!choice} loading={enter.isPending}>
            Enter Sandbox
          </Button>
        </Stack>
      </Paper>
      <Button component={Link} to="/signin" variant="subtle">
        Back to Logon
      </Button>
    </Stack>
  );
}
