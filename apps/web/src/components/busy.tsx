import { Loader, type LoaderProps } from '@mantine/core';

/**
 * A spinner that screen readers announce. Mantine's Loader is a plain <span>, on which aria-label is
 * prohibited (axe: aria-prohibited-attr); role="status" makes the label legitimate and announced.
 */
export function Busy({ label, ...props }: Omit<LoaderProps, 'aria-label' | 'role'> & { label: string }) {
  return <Loader role="status" aria-label={label} {...props} />;
}
