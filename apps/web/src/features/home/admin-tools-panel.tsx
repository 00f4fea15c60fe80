import { Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { Link } from 'react-router';
import type { Me } from '../../api/me';
import type { AdminTool } from './admin-tools';

/** The Administrator Tools panel: one button per tool with its one-line description. */
export function AdminToolsPanel({ tools }: { me: Me; tools: readonly AdminTool[] }) {
  const headingId = useId();
  if (tools.length === 0) return null;
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          Administrator Tools
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {tools.map((tool) => (
            <Stack key={tool.path} gap={4}>
              <Button component={Link} to={tool.path} variant="light" justify="flex-start">
                {tool.label}
              </Button>
              <Text size="xs" c="dimmed">
                {tool.description}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
