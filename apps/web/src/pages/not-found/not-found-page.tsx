import { Button, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation } from 'react-router';

/** Any path the app does not know (an old bookmark, a mistyped or cut-off link): say so, and offer Home. */
export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <Stack maw={560} py="xl" gap="md">
      <Title order={2}>Page not found</Title>
      <Text>
        CERS has no page at <code>{pathname}</code>. The link may be incomplete, or the page may have moved.
      </Text>
      <div>
        <Button component={Link} to="/">
          Go to Home
        </Button>
      </div>
    </Stack>
  );
}
