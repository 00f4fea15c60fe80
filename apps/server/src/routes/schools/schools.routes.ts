import { findSchoolOptions, listSchools } from '@cers/db';
import { type AccessScope, forbidden, isEmptyScope, notFound, orgScope, type Principal } from '@cers/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requirePrincipal } from '../../plugins/auth.js';
import { ErrorSchema } from '../students/students.schema.js';
import { SchoolOptionsResponseSchema, SchoolParamsSchema, SchoolsQuerySchema, SchoolsResponseSchema } from './schools.schema.js';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };

/**
 * Search by School needs individual access at a school or district (INDIVIDUAL_READ); teachers,
 * who reach students only through groups, do not get it (cers-features.md §3.1).
 */
function searchScope(p: Principal): AccessScope {
  const scope = orgScope(p, 'INDIVIDUAL_READ');
  if (isEmptyScope(scope)) throw forbidden('Search by School is available to school and district administrators.');
  return scope;
}

export const schoolRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.ctx.cers.db;

  app.get(
    '/api/schools',
    {
      schema: {
        tags: ['schools'],
        summary: 'Schools I may search (typeahead): name contains q, or CDS code starts with q',
        querystring: SchoolsQuerySchema,
        response: { 200: SchoolsResponseSchema, ...errors },
      },
    },
    async (request) => {
      const scope = searchScope(requirePrincipal(request));
      return { schools: await listSchools(db(), { scope, q: request.query.q, limit: request.query.limit }) };
    },
  );

  app.get(
    '/api/schools/:id/options',
    {
      schema: {
        tags: ['schools'],
        summary: 'Grades and school years with results at a school (Search by School drop-downs)',
        params: SchoolParamsSchema,
        response: { 200: SchoolOptionsResponseSchema, ...errors },
      },
    },
    async (request) => {
      const scope = searchScope(requirePrincipal(request));
      const options = await findSchoolOptions(db(), { scope, schoolId: request.params.id });
      if (!options) throw notFound('The school');
      return options;
    },
  );
};
