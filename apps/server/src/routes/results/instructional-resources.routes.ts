import {
  createResource,
  deleteResource,
  findEditableResource,
  listAssessmentNames,
  listEditableResources,
  listTargets,
  listWritableOrgs,
  orgWritable,
  type ResourceInput,
  type ResourceRecord,
  updateResource,
} from '@cers/db';
import { forbidden, invalidInput, isEmptyScope, isResourceUrl, notFound, orgScope, type Principal, RESOURCE_KINDS } from '@cers/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../../plugins/auth.js';
import { ErrorSchema } from './results.schema.js';

const RESOURCE = 'The instructional resource';
const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };

const nullableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const ResourceInputSchema = z.object({
  organizationId: z.number().int().positive(),
  kind: z.enum(RESOURCE_KINDS),
  title: z.string().trim().min(1, 'Enter a title.').max(200),
  url: z.string().trim().min(1, 'Enter a URL.').max(2000),
  assessmentName: nullableText(200),
  subject: nullableText(20),
  assessmentType: z
    .enum(['sum', 'ica', 'iab', 'fiab', 'ia'])
    .nullish()
    .transform((v) => v ?? null),
  claimCode: nullableText(40),
  targetId: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
  performanceLevel: z
    .number()
    .int()
    .min(1)
    .max(6)
    .nullish()
    .transform((v) => v ?? null),
});

const ResourceSchema = z.object({
  id: z.number(),
  kind: z.enum(RESOURCE_KINDS),
  title: z.string(),
  url: z.string(),
  organizationId: z.number(),
  organizationName: z.string(),
  orgType: z.string(),
  assessmentName: z.string().nullable(),
  subject: z.string().nullable(),
  assessmentType: z.string().nullable(),
  claimCode: z.string().nullable(),
  targetId: z.number().nullable(),
  targetCode: z.string().nullable(),
  targetName: z.string().nullable(),
  performanceLevel: z.number().nullable(),
  updatedAt: z.string(),
});
const IdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

function present(r: ResourceRecord) {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    url: r.url,
    organizationId: r.organizationId,
    organizationName: r.organizationName,
    orgType: r.orgType,
    assessmentName: r.assessmentName,
    subject: r.subject,
    assessmentType: r.assessmentType,
    claimCode: r.claimCode,
    targetId: r.targetId,
    targetCode: r.targetCode,
    targetName: r.targetName,
    performanceLevel: r.performanceLevel,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Where the caller may manage resources; no grant at all is a 403 for the whole editor. */
function writeScope(principal: Principal) {
  const scope = orgScope(principal, 'INSTRUCTIONAL_RESOURCE_WRITE');
  if (isEmptyScope(scope)) throw forbidden('Managing instructional resources needs an administrator role.');
  return scope;
}

function checkInput(input: ResourceInput): ResourceInput {
  if (!isResourceUrl(input.url)) throw invalidInput('The URL must start with http:// or https:// and name a web site.');
  return input;
}

/**
 * Manage Instructional Resources (cers-features.md §3.10): administrators with
 * INSTRUCTIONAL_RESOURCE_WRITE list, create, edit and delete links of organizations in their scope.
 */
export const instructionalResourceRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.ctx.cers.db;
  const tags = ['instructional resources'];

  app.get(
    '/api/admin/instructional-resources',
    {
      schema: {
        tags,
        summary: 'Instructional resources of organizations in the caller’s scope',
        querystring: z.object({ q: z.string().trim().max(100).optional() }),
        response: { 200: z.object({ resources: z.array(ResourceSchema) }), ...errors },
      },
    },
    async (request) => {
      const scope = writeScope(requirePrincipal(request));
      const rows = await listEditableResources(db(), scope, request.query.q);
      return { resources: rows.map(present) };
    },
  );

  app.get(
    '/api/admin/instructional-resources/options',
    {
      schema: {
        tags,
        summary: 'Pick-lists of the editor: organizations in scope, assessment names, targets of a subject',
        querystring: z.object({
          /** Part of an organization name. */
          q: z.string().trim().max(100).optional(),
          /** Part of an assessment name or label. */
          assessment: z.string().trim().max(100).optional(),
          subject: z.string().trim().max(20).optional(),
        }),
        response: {
          200: z.object({
            organizations: z.array(z.object({ id: z.number(), type: z.string(), name: z.string() })),
            assessments: z.array(z.object({ name: z.string(), subject: z.string(), type: z.string(), label: z.string() })),
            targets: z.array(z.object({ id: z.number(), claimCode: z.string(), naturalId: z.string(), name: z.string() })),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const scope = writeScope(requirePrincipal(request));
      const { q, assessment, subject } = request.query;
      const [organizations, assessments, targets] = await Promise.all([
        listWritableOrgs(db(), scope, q),
        listAssessmentNames(db(), assessment),
        subject ? listTargets(db(), subject) : Promise.resolve([]),
      ]);
      return { organizations, assessments, targets };
    },
  );

  app.post(
    '/api/admin/instructional-resources',
    {
      schema: {
        tags,
        summary: 'Create an instructional resource',
        body: ResourceInputSchema,
        response: { 201: ResourceSchema, ...errors },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const scope = writeScope(principal);
      const input = checkInput(request.body);
      if (!(await orgWritable(db(), scope, input.organizationId))) throw notFound('The organization');
      const id = await createResource(db(), input, principal.userId);
      const created = await findEditableResource(db(), scope, id);
      if (!created) throw notFound(RESOURCE);
      return reply.code(201).send(present(created));
    },
  );

  app.put(
    '/api/admin/instructional-resources/:id',
    {
      schema: {
        tags,
        summary: 'Edit an instructional resource',
        params: IdParams,
        body: ResourceInputSchema,
        response: { 200: ResourceSchema, ...errors },
      },
    },
    async (request) => {
      const scope = writeScope(requirePrincipal(request));
      const input = checkInput(request.body);
      if (!(await orgWritable(db(), scope, input.organizationId))) throw notFound('The organization');
      if (!(await updateResource(db(), scope, request.params.id, input))) throw notFound(RESOURCE);
      const updated = await findEditableResource(db(), scope, request.params.id);
      if (!updated) throw notFound(RESOURCE);
      return present(updated);
    },
  );

  app.delete(
    '/api/admin/instructional-resources/:id',
    { schema: { tags, summary: 'Delete an instructional resource', params: IdParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      const scope = writeScope(requirePrincipal(request));
      if (!(await deleteResource(db(), scope, request.params.id))) throw notFound(RESOURCE);
      return reply.code(204).send(null);
    },
  );
};
