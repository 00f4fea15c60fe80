import type { Permission } from '@cers/domain';
import type { Me } from '../../api/me';

/** One button of the Administrator Tools panel (cers-features.md §3.1, §3.10). */
export type AdminTool = { label: string; description: string; path: string; permission: Permission };

/**
 * Every administrator tool CERS offers, in the order of the home page panel. The panel shows a
 * tool only when the user holds its permission AND its page is registered in app/routes.tsx, so a
 * tool whose page has not been built yet is hidden, never a dead link.
 */
export const ADMIN_TOOLS: readonly AdminTool[] = [
  {
    label: 'Custom Aggregate Reports',
    description: 'Create, view and export reports that summarize student performance in your state, district or school.',
    path: '/aggregate-reports',
    permission: 'CUSTOM_AGGREGATE_READ',
  },
  {
    label: 'District / School Exports',
    description: 'Download every result of the selected schools and school year as one CSV file.',
    path: '/custom-export',
    permission: 'INDIVIDUAL_READ',
  },
  {
    label: 'Student Groups',
    description: 'Upload, view and delete the student groups assigned to teachers.',
    path: '/admin/groups',
    permission: 'GROUP_WRITE',
  },
  {
    label: 'Instructional Resources',
    description: 'Manage the links to instructional resources shown with assessment results.',
    path: '/admin/instructional-resources',
    permission: 'INSTRUCTIONAL_RESOURCE_WRITE',
  },
  {
    label: 'Test Results Availability',
    description: 'Review summative results and release them to every user.',
    path: '/admin/test-results-availability',
    permission: 'EMBARGO_REVIEW',
  },
  {
    label: 'Data Imports',
    description: 'Upload assessment results, organizations and other files, and follow their processing.',
    path: '/admin/imports',
    permission: 'DATA_LOAD',
  },
  {
    label: 'Audit Log',
    description: 'See who viewed which student’s results, when and from where, and export it as CSV.',
    path: '/admin/audit',
    permission: 'AUDIT_READ',
  },
];

/** The tools this user sees: permission held and page present. */
export function visibleAdminTools(me: Me, routePaths: readonly string[], tools: readonly AdminTool[] = ADMIN_TOOLS): AdminTool[] {
  const paths = new Set(routePaths);
  return tools.filter((t) => me.permissions.includes(t.permission) && paths.has(t.path));
}
