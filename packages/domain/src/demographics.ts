/** Student demographic codes and labels (cers-features.md §5.9, formats.md §2). */
export const GENDERS = { Male: 'Male', Female: 'Female', Nonbinary: 'Nonbinary' } as const;
export const ETHNICITIES = {
  HispanicOrLatinoEthnicity: 'Hispanic or Latino',
  AmericanIndianOrAlaskaNative: 'American Indian or Alaska Native',
  Asian: 'Asian',
  BlackOrAfricanAmerican: 'Black or African American',
  NativeHawaiianOrOtherPacificIslander: 'Native Hawaiian or Other Pacific Islander',
  White: 'White',
  Filipino: 'Filipino',
  DemographicRaceTwoOrMoreRaces: 'Two or More Races',
} as const;
export type EthnicityCode = keyof typeof ETHNICITIES;
export const ELAS_CODES = {
  EO: 'English Only',
  IFEP: 'Initial Fluent English Proficient',
  EL: 'English Learner',
  RFEP: 'Reclassified Fluent English Proficient',
  TBD: 'To Be Determined',
} as const;
export type ElasCode = keyof typeof ELAS_CODES;
export const MILITARY_CODES = {
  NotMilitaryConnected: 'Not Military Connected',
  ActiveDuty: 'Active Duty',
  NationalGuardOrReserve: 'National Guard or Reserve',
} as const;
export const ADMINISTRATION_CONDITIONS = { Valid: 'Valid', SD: 'Standardized', NS: 'Nonstandardized', IN: 'Invalid' } as const;
export const COMPLETENESS = { Complete: 'Complete', Partial: 'Partial' } as const;

/** Filter dimensions available on results pages and aggregate reports. */
export const DEMOGRAPHIC_FILTERS = [
  'gender',
  'ethnicity',
  'elas',
  'lep',
  'iep',
  'section504',
  'economicDisadvantage',
  'migrant',
  'militaryConnected',
  'languageCode',
] as const;
export type DemographicFilter = (typeof DEMOGRAPHIC_FILTERS)[number];

/** TRT booleans (formats.md §3.3): Yes/Y/TRUE/T/1 and No/N/FALSE/F/0, any case. */
export function parseTrtBoolean(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (['yes', 'y', 'true', 't', '1'].includes(v)) return true;
  if (['no', 'n', 'false', 'f', '0'].includes(v)) return false;
  return undefined;
}
