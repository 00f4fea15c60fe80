import type { ReactNode } from 'react';
import { AuditPage } from '../pages/admin/audit/audit-page';
import { HomePage } from '../pages/home/home-page';
import { MyReportsPage } from '../pages/reports/my-reports-page';
import { ResetPasswordPage } from '../pages/reset-password/reset-password-page';
import { SandboxPage } from '../pages/sandbox/sandbox-page';
import { SignInPage } from '../pages/signin/signin-page';

/**
 * Every screen of the app, one line each (cers-features.md §8 route map). Add a route by adding a
 * line here; keep page components under src/pages/<route>/.
 */
export type AppRoute = { path: string; element: ReactNode };

export const ROUTES: AppRoute[] = [
  { path: '/', element: <HomePage /> },
  { path: '/signin', element: <SignInPage /> },
  { path: '/sandbox', element: <SandboxPage /> },
  { path: '/reset-password', element: <ResetPasswordPage /> },
  { path: '/admin/audit', element: <AuditPage /> },
  { path: '/reports', element: <MyReportsPage /> },
];
