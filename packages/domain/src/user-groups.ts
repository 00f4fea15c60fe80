import { hasPermission, type Principal } from './permissions.js';

/**
 * My Groups (cers-features.md §3.5, §1 rules): a user builds groups from students they may see.
 * Teachers may create them only once at least one group is assigned to them (RDW
 * `user-groups.create-button-disabled-popover`); users with school or district access may always.
 */
export type CreateGroupsRule = { allowed: true } | { allowed: false; reason: string };

export const NO_ASSIGNED_GROUPS_REASON =
  'You can create your own groups once at least one student group is assigned to you. Ask your school or district administrator.';

export function canCreateUserGroups(p: Principal): CreateGroupsRule {
  if (!hasPermission(p, 'USER_GROUP_WRITE')) return { allowed: false, reason: 'Your role does not allow creating groups.' };
  if (hasPermission(p, 'INDIVIDUAL_READ')) return { allowed: true };
  if (p.assignedGroups.length > 0) return { allowed: true };
  return { allowed: false, reason: NO_ASSIGNED_GROUPS_REASON };
}

export const GROUP_NAME_MAX_LENGTH = 100;
/** Uploaded and administrator-managed groups hold at most 200 students (cers-features.md §3.10). */
export const ASSIGNED_GROUP_MAX_STUDENTS = 200;
/** The columns of a student group upload file, in this order (formats.md §Groups; RDW's groups-template.csv). */
export const GROUP_FILE_HEADERS = [
  'group_name',
  'school_natural_id',
  'school_year',
  'subject_code',
  'student_ssid',
  'group_user_login',
] as const;
/** A generous bound for My Groups, which may combine several classes. */
export const USER_GROUP_MAX_STUDENTS = 1000;
