import type { ReactNode } from 'react';
import { lazyPage } from '../components/lazy-page';
import { RESULTS_PRINT_SLOTS, renderStudentPrintableReports } from '../features/printable-reports/slots';
import { AuditPage } from '../pages/admin/audit/audit-page';
import { GroupResultsPage, InstructionalResourcesPage, MyGroupResultsPage, SchoolResultsPage } from '../pages/group-results/lazy';
import { HomePage } from '../pages/home/home-page';
import { NotFoundPage } from '../pages/not-found/not-found-page';
import { ResetPasswordPage } from '../pages/reset-password/reset-password-page';
import { SandboxPage } from '../pages/sandbox/sandbox-page';
import { SignInPage } from '../pages/signin/signin-page';

/**
 * Every screen of the app, one line each (cers-features.md §8 route map). Add a route by adding a
 * line here; keep page components under src/pages/<route>/.
 */
export type AppRoute = { path: string; element: ReactNode };

const StudentPage = lazyPage(() => import('../pages/students/student-page').then((m) => m.StudentPage));
const MyReportsPage = lazyPage(() => import('../pages/reports/my-reports-page').then((m) => m.MyReportsPage));
const MyGroupEditPage = lazyPage(() => import('../pages/my-groups/my-group-edit-page').then((m) => m.MyGroupEditPage));
const AdminGroupsPage = lazyPage(() => import('../pages/admin-groups/admin-groups-page').then((m) => m.AdminGroupsPage));
const ImportsPage = lazyPage(() => import('../pages/admin/imports/imports-page').then((m) => m.ImportsPage));
const AdminGroupEditPage = lazyPage(() => import('../pages/admin-groups/admin-group-edit-page').then((m) => m.AdminGroupEditPage));

export const ROUTES: AppRoute[] = [
  { path: '/', element: <HomePage /> },
  { path: '/students/:id', element: <StudentPage renderPrintableReports={renderStudentPrintableReports} /> },
  { path: '/my-groups/new', element: <MyGroupEditPage /> },
  { path: '/my-groups/:id/edit', element: <MyGroupEditPage /> },
  { path: '/admin/groups', element: <AdminGroupsPage /> },
  { path: '/admin/groups/new', element: <AdminGroupEditPage /> },
  { path: '/admin/groups/:id/edit', element: <AdminGroupEditPage /> },
  { path: '/signin', element: <SignInPage /> },
  { path: '/sandbox', element: <SandboxPage /> },
  { path: '/reset-password', element: <ResetPasswordPage /> },
  { path: '/admin/audit', element: <AuditPage /> },
  { path: '/admin/imports', element: <ImportsPage /> },
  { path: '/groups/:id', element: <GroupResultsPage {...RESULTS_PRINT_SLOTS} /> },
  { path: '/my-groups/:id', element: <MyGroupResultsPage {...RESULTS_PRINT_SLOTS} /> },
  { path: '/schools/:schoolId', element: <SchoolResultsPage {...RESULTS_PRINT_SLOTS} /> },
  { path: '/reports', element: <MyReportsPage /> },
  { path: '/admin/instructional-resources', element: <InstructionalResourcesPage /> },
  // last: every other path
  { path: '*', element: <NotFoundPage /> },
];
