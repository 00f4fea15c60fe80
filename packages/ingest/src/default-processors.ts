import { importAccommodations } from './accommodations.js';
import { importGroups } from './groups.js';
import { importNorms } from './norms.js';
import { importOrganizations } from './organizations.js';
import { importPackage } from './package-csv.js';
import type { ProcessorRegistry } from './processors.js';
import { importStudents } from './students.js';
import { importSubject } from './subjects.js';

/** Every non-exam content the importer understands. */
export const DEFAULT_PROCESSORS: ProcessorRegistry = {
  PACKAGE: importPackage,
  CODES: importAccommodations,
  ORGANIZATION: importOrganizations,
  GROUPS: importGroups,
  NORMS: importNorms,
  SUBJECT: importSubject,
  STUDENTS: importStudents,
};
