import { Center, Loader } from '@mantine/core';
import { type ComponentType, lazy, Suspense } from 'react';

/**
 * Route-level code splitting: a page module loads when its route is first visited, so the initial
 * JavaScript stays small (bench: web). Usage in app/routes.tsx:
 *   const StudentPage = lazyPage(() => import('../pages/students/student-page').then((m) => m.StudentPage));
 *   { path: '/students/:id', element: <StudentPage /> }
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }));
  function LazyPage(props: P) {
    return (
      <Suspense fallback={<PageLoader />}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return LazyPage;
}

export function PageLoader() {
  return (
    <Center py="xl" role="status" aria-label="Loading">
      <Loader />
    </Center>
  );
}
