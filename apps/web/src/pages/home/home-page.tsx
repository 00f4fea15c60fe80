import { Alert, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

type Health = { status: string; database: { kind: string; ok: boolean } };

export function HomePage() {
  const health = useQuery({ queryKey: ['health'], queryFn: () => api<Health>('/api/health') });
  return (
    <Stack py="lg">
      <Title order={2}>Welcome to CERS</Title>
      <Text>Student assessment results for California educators.</Text>
      {health.data && (
        <Alert color={health.data.database.ok ? 'green' : 'red'} title="System status">
          Database ({health.data.database.kind}): {health.data.database.ok ? 'available' : 'unavailable'}
        </Alert>
      )}
    </Stack>
  );
}
