import { Alert } from '@mantine/core';

/** Shown on every page while in the CERS Sandbox (cers-features.md §3.11). */
export function SandboxBanner() {
  return (
    <Alert color="yellow" variant="light" radius={0} py={6} role="note" aria-label="CERS Sandbox">
      <strong>CERS Sandbox</strong> — a training copy of CERS. Every student, school, group and result shown here is generated and
      fictitious.
    </Alert>
  );
}
