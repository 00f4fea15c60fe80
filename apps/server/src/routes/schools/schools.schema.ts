import { z } from 'zod';
import { IdSchema } from '../students/students.schema.js';

/** Contracts of the scoped school list (Search by School typeahead, school pickers). */
export const SchoolSchema = z.object({
  id: z.number(),
  name: z.string(),
  /** CDS code. */
  naturalId: z.string(),
  districtId: z.number().nullable(),
  districtName: z.string().nullable(),
});

export const SchoolsQuerySchema = z.object({
  q: z.string().max(100).optional().describe('part of the school name, or the start of its CDS code'),
  limit: z.coerce.number().int().min(1).max(500).default(20),
});
export const SchoolsResponseSchema = z.object({ schools: z.array(SchoolSchema) });

export const SchoolParamsSchema = z.object({ id: IdSchema });
export const SchoolOptionsResponseSchema = z.object({
  school: SchoolSchema,
  /** Assessment grades with results at the school, lowest first. */
  grades: z.array(z.string()),
  /** School years with results, most recent first. */
  schoolYears: z.array(z.number()),
});
