import { Breadcrumbs, type BreadcrumbsProps } from '@mantine/core';

/**
 * The trail above a page's title, as a navigation landmark named "Breadcrumb" (WAI-ARIA APG
 * breadcrumb pattern). Mantine's Breadcrumbs is a plain <div>, so the landmark wraps it; the last
 * entry is the current page (aria-current="page" on it).
 */
export function PageBreadcrumbs({ className, ...props }: BreadcrumbsProps) {
  return (
    <nav aria-label="Breadcrumb" className={className}>
      <Breadcrumbs {...props} />
    </nav>
  );
}
