import type { RoleCode } from '@cers/domain';

export type SandboxPersonaKey = 'teacher-elementary' | 'teacher-middle' | 'teacher-high' | 'school-admin' | 'district-admin';

export type SandboxPersona = {
  key: SandboxPersonaKey;
  /** What the sandbox sign-in offers ("Teacher: Sample Elementary School"). */
  label: string;
  /** users.login of the password-less sandbox user. */
  login: string;
  role: RoleCode;
  /** Natural id (CDS code) of the organization the role is granted at. */
  organizationNaturalId: string;
};

export const SAMPLE_DISTRICT = { naturalId: '99990010000000', name: 'Sample District' } as const;
export const SAMPLE_SCHOOLS = {
  elementary: { naturalId: '99990016000011', name: 'Sample Elementary School', lowGrade: 0, highGrade: 5 },
  middle: { naturalId: '99990016000029', name: 'Sample Middle School', lowGrade: 6, highGrade: 8 },
  high: { naturalId: '99990016000037', name: 'Sample High School', lowGrade: 9, highGrade: 12 },
} as const;

/** The password-less roles of the CERS Sandbox (user documents: "Select one of the Teacher roles"). */
export const SANDBOX_PERSONAS: readonly SandboxPersona[] = [
  {
    key: 'teacher-elementary',
    label: 'Teacher: Sample Elementary School',
    login: 'teacher.elementary@sandbox.cers.example',
    role: 'TEST_ADMINISTRATOR',
    organizationNaturalId: SAMPLE_SCHOOLS.elementary.naturalId,
  },
  {
    key: 'teacher-middle',
    label: 'Teacher: Sample Middle School',
    login: 'teacher.middle@sandbox.cers.example',
    role: 'TEST_ADMINISTRATOR',
    organizationNaturalId: SAMPLE_SCHOOLS.middle.naturalId,
  },
  {
    key: 'teacher-high',
    label: 'Teacher: Sample High School',
    login: 'teacher.high@sandbox.cers.example',
    role: 'TEST_ADMINISTRATOR',
    organizationNaturalId: SAMPLE_SCHOOLS.high.naturalId,
  },
  {
    key: 'school-admin',
    label: 'School Administrator: Sample High School',
    login: 'admin.high@sandbox.cers.example',
    role: 'SITE_COORDINATOR',
    organizationNaturalId: SAMPLE_SCHOOLS.high.naturalId,
  },
  {
    key: 'district-admin',
    label: 'District Administrator: Sample District',
    login: 'admin.district@sandbox.cers.example',
    role: 'LEA_COORDINATOR',
    organizationNaturalId: SAMPLE_DISTRICT.naturalId,
  },
];

/** The six SSIDs of the user documents' "Student SSIDs in the CERS Sandbox" table. */
export const SANDBOX_SSIDS: Record<'elementary' | 'middle' | 'high', readonly [string, string]> = {
  elementary: ['1000003718', '3000002098'],
  middle: ['4000012949', '6000035780'],
  high: ['1000015789', '6000037559'],
};
