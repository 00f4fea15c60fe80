/**
 * The district profile: one large unified district (county 98) with 100 schools (60 elementary,
 * 22 middle, 18 high, each elementary feeding a middle school and each middle school a high school)
 * and about 60,000 current students with five years of results (2021–22 to 2025–26).
 */
import { PLACES, SCHOOL_PATRONS } from '../names.js';
import type { SchoolPlan } from '../world.js';
import type { FullProfile } from './full.js';

const ELEMENTARY = 60;
const MIDDLE = 22;
const HIGH = 18;

function schoolName(i: number, band: SchoolPlan['band']): string {
  const patron = SCHOOL_PATRONS[i % SCHOOL_PATRONS.length] as string;
  const place = PLACES[(i * 7) % PLACES.length] as string;
  if (band === 'elementary') return i % 2 === 0 ? `${patron} Elementary School` : `${place} Elementary School`;
  if (band === 'middle') return i % 2 === 0 ? `${place} Middle School` : `${patron} Middle School`;
  return `${place} High School`;
}

function schools(): SchoolPlan[] {
  const out: SchoolPlan[] = [];
  const add = (band: SchoolPlan['band'], n: number, codeBase: number) => {
    for (let i = 0; i < n; i++) {
      const index = out.length;
      out.push({
        index,
        districtIndex: 0,
        naturalId: `9898001${String(codeBase + i * 7).padStart(7, '0')}`,
        name: schoolName(index, band),
        band,
      });
    }
  };
  add('elementary', ELEMENTARY, 6010000);
  add('middle', MIDDLE, 6050000);
  add('high', HIGH, 6090000);
  return out;
}

export const DISTRICT_PROFILE: FullProfile = {
  name: 'district',
  layout: {
    districts: [{ index: 0, naturalId: '98980010000000', name: 'Grand Valley Unified School District' }],
    schools: schools(),
    years: [2022, 2023, 2024, 2025, 2026],
    // ~60,000 current students (~4,600 per grade) and the four classes that graduated since 2021–22.
    studentsPerGrade: (grade, rng) => (grade <= 12 ? rng.int(4500, 4730) : rng.int(4300, 4500)),
    maxGrade: 16,
    homeSchools: (rng) => {
      const elementary = rng.int(0, ELEMENTARY - 1);
      const middle = ELEMENTARY + Math.floor((elementary * MIDDLE) / ELEMENTARY);
      const high = ELEMENTARY + MIDDLE + Math.floor(((middle - ELEMENTARY) * HIGH) / MIDDLE);
      return { elementary, middle, high };
    },
    ssid: (index) => `8${String((index * 7919 + 15_485_863) % 1_000_000_000).padStart(9, '0')}`,
    teacherDomain: 'grandvalleyusd.example.org',
  },
  // A large district's classes give fewer interims per student than the sandbox shows.
  interims: { icaRate: 0.35, maxBlocks: 2, fiabRate: 0.2 },
  personas: [],
  districtSlug: 'grandvalleyusd',
  resourceGrades: [5, 8],
};
