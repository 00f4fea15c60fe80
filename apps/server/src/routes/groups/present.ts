import type { GroupStudent } from '@cers/db';
import { studentDisplayName } from '@cers/domain';

/** A group member or candidate as the API shows it. */
export function presentGroupStudent(s: GroupStudent) {
  return { ...s, displayName: studentDisplayName(s) };
}
