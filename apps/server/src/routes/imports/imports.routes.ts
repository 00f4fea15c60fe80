import { Readable } from 'node:stream';
import { importPayloadStudentIds, recordAudit } from '@cers/db';
import { forbidden, hasPermission, invalidInput, notFound, type Principal } from '@cers/domain';
import {
  countImportsByStatus,
  findImport,
  type ImportContent,
  ImportRunner,
  listImports,
  readPayloadSlices,
  resolveTransforms,
  type UploadContent,
} from '@cers/ingest';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditIp, forgetPrincipals, requirePrincipal } from '../../plugins/auth.js';
import {
  IdParamsSchema,
  ImportDetailSchema,
  ListQuerySchema,
  ListResponseSchema,
  RetryBodySchema,
  RetryResponseSchema,
  UploadQuerySchema,
  UploadResponseSchema,
} from './imports.schema.js';

/** Uploads larger than this are refused (413); files above the importer's 50 MB limit are kept but not processed. */
export const UPLOAD_LIMIT = 100 * 1024 * 1024;
const ErrorSchema = z.object({ error: z.string(), message: z.string() });

/**
 * Who may do what: DATA_LOAD users import everything and see every import; users with only
 * GROUP_WRITE upload student-group files (checked per row against their schools) and see their own.
 */
function access(p: Principal): { all: boolean; groupsOnly: boolean } {
  const all = hasPermission(p, 'DATA_LOAD');
  return { all, groupsOnly: !all && hasPermission(p, 'GROUP_WRITE') };
}

const EXTENSION: Partial<Record<ImportContent, string>> = {
  EXAM: 'xml',
  SUBJECT: 'xml',
  CODES: 'xml',
  PACKAGE: 'csv',
  GROUPS: 'csv',
  NORMS: 'csv',
  STUDENTS: 'csv',
};

async function* limited(stream: AsyncIterable<Uint8Array>, limit: number): AsyncGenerator<Uint8Array> {
  let n = 0;
  for await (const chunk of stream) {
    n += chunk.length;
    if (n > limit)
      throw Object.assign(new Error(`Uploads are limited to ${limit / 1024 / 1024} MB`), { statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    yield chunk;
  }
}

export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  // Raw bodies stay streams (the importer archives the exact bytes and keeps memory bounded).
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('*', { bodyLimit: UPLOAD_LIMIT }, (_request, payload, done) => done(null, payload));
  await app.register(fastifyMultipart, { limits: { fileSize: UPLOAD_LIMIT, files: 100 } });
  // One runner per app: reference data stays cached between requests (refreshed when it changes).
  const runner = new ImportRunner(app.ctx.cers, { logger: app.log });

  const record = async (id: number, duplicate?: boolean) => {
    const row = await findImport(app.ctx.cers.db, id);
    if (!row) throw notFound('The import');
    return duplicate ? { ...row, duplicate } : row;
  };

  const checkUpload = (p: Principal, content: UploadContent | undefined) => {
    const a = access(p);
    if (a.all) return;
    if (a.groupsOnly && content === 'GROUPS') return;
    if (a.groupsOnly) throw forbidden('You may upload student group files only: add ?content=GROUPS.');
    throw forbidden('Importing files needs the data-load permission.');
  };

  app.post(
    '/api/imports',
    {
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        tags: ['imports'],
        summary: 'Import files: a raw body (XML, CSV or JSON) or multipart/form-data with one or more "file" parts',
        description:
          'Every file is recorded with its raw bytes (MD5 dedupe: the same bytes again return the earlier import) and processed at once; the response carries each file’s final status (PROCESSED, NO_UPDATE, BAD_FORMAT, BAD_DATA, UNKNOWN_ASMT, ...).',
        querystring: UploadQuerySchema,
        response: { 201: UploadResponseSchema, 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 413: ErrorSchema },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const q = request.query;
      checkUpload(principal, q.content);
      let transforms: string[] = [];
      try {
        transforms = q.transform
          ? q.transform
              .split(',')
              .map((t) => t.trim())
              .filter((t) => t !== '')
          : [];
        resolveTransforms(transforms);
      } catch (error) {
        throw invalidInput((error as Error).message);
      }
      const meta = {
        ...(q.content ? { content: q.content } : {}),
        transforms,
        batch: q.batch ?? null,
        creatorId: principal.userId,
        creator: principal.login,
        properties: { ...q, contentType: request.headers['content-type'] ?? null },
      };
      const results = [];
      if (request.isMultipart()) {
        for await (const part of request.files()) {
          const filename = part.filename || q.filename || 'upload';
          results.push(await runner.importStream(limited(part.file, UPLOAD_LIMIT), { ...meta, filename }));
        }
        if (results.length === 0) throw invalidInput('The form has no file: send the file in a part named "file".');
      } else {
        const body = request.body;
        if (!(body instanceof Readable)) throw invalidInput('Send the file as the request body, or as multipart/form-data.');
        const filename = q.filename ?? `upload.${EXTENSION[q.content ?? 'EXAM'] ?? 'dat'}`;
        results.push(await runner.importStream(limited(body, UPLOAD_LIMIT), { ...meta, filename }));
      }
      const imports = await Promise.all(results.map((r) => record(r.id, r.duplicate)));
      for (const i of imports) {
        if (i.content === 'GROUPS' && !access(principal).all && i.creatorId !== principal.userId)
          throw forbidden('This group file was uploaded by someone else.');
      }
      return reply.code(201).send({ imports });
    },
  );

  app.get(
    '/api/imports',
    {
      schema: {
        tags: ['imports'],
        summary: 'Import history, newest first (filter by status, content, date, file name)',
        querystring: ListQuerySchema,
        response: { 200: ListResponseSchema, 401: ErrorSchema, 403: ErrorSchema },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const a = access(principal);
      if (!a.all && !a.groupsOnly) throw forbidden('The import history needs the data-load permission.');
      const q = request.query;
      const own = a.all ? {} : { creatorId: principal.userId, contents: ['GROUPS' as const] };
      const filter = {
        ...(q.status ? { statuses: q.status } : {}),
        ...(q.content ? { contents: q.content } : {}),
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
        ...(q.filename ? { filename: q.filename } : {}),
        ...own,
      };
      const imports = await listImports(app.ctx.cers.db, { ...filter, ...(q.before ? { beforeId: q.before } : {}), limit: q.limit });
      const counts = await countImportsByStatus(app.ctx.cers.db, filter);
      return { imports, counts, nextBefore: imports.length === q.limit ? (imports[imports.length - 1]?.id ?? null) : null };
    },
  );

  const visible = async (request: FastifyRequest, id: number) => {
    const principal = requirePrincipal(request);
    const a = access(principal);
    if (!a.all && !a.groupsOnly) throw forbidden('The import history needs the data-load permission.');
    const row = await findImport(app.ctx.cers.db, id, a.all ? {} : { creatorId: principal.userId });
    if (!row) throw notFound('The import');
    return { principal, row };
  };

  app.get(
    '/api/imports/:id',
    {
      schema: {
        tags: ['imports'],
        summary: 'One import: status, message (JSON error list for BAD_DATA), warnings, properties',
        params: IdParamsSchema,
        response: { 200: ImportDetailSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => (await visible(request, request.params.id)).row,
  );

  app.get(
    '/api/imports/:id/payload',
    {
      schema: {
        tags: ['imports'],
        summary: 'Download the raw file exactly as it was received',
        params: IdParamsSchema,
        response: { 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { principal, row } = await visible(request, request.params.id);
      const ext = EXTENSION[row.content] ?? (row.content === 'ORGANIZATION' ? 'dat' : 'dat');
      const name = (row.filename ?? `import-${row.id}.${ext}`).replace(/[^\w.-]+/g, '_');
      const type = ext === 'xml' ? 'application/xml' : ext === 'csv' ? 'text/csv' : 'application/octet-stream';
      // A raw file is a read of the student data it carries: audited like every other read (the
      // exam's student when the file produced one; otherwise who downloaded which file).
      const db = app.ctx.cers.db;
      await recordAudit(db, {
        userId: principal.userId,
        userLogin: principal.login,
        action: 'download-import-payload',
        view: 'import-payload',
        ip: auditIp(request),
        studentIds: row.content === 'EXAM' ? await importPayloadStudentIds(db, row.id) : [],
        detail: { importId: row.id, content: row.content },
      });
      app.log.info({ importId: row.id, userId: principal.userId }, 'import payload downloaded');
      reply
        .header('content-type', type)
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store');
      return reply.send(Readable.from(readPayloadSlices(app.ctx.cers.db, row.id)) as never);
    },
  );

  app.post(
    '/api/imports/retry',
    {
      schema: {
        tags: ['imports'],
        summary: 'Re-run files that failed for missing reference data (after loading the package, organization or students)',
        body: RetryBodySchema,
        response: { 200: RetryResponseSchema, 401: ErrorSchema, 403: ErrorSchema },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      if (!access(principal).all) throw forbidden('Re-running imports needs the data-load permission.');
      const b = request.body;
      const results = await runner.retry({
        statuses: b.statuses,
        ...(b.ids ? { ids: b.ids } : {}),
        ...(b.content ? { content: b.content } : {}),
      });
      const statuses: Record<string, number> = {};
      for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      return { retried: results.length, statuses };
    },
  );

  // Group files change teachers' assigned groups: every cached principal is reloaded (auth cache)
  // before an upload or retry answers, whatever its outcome.
  app.addHook('onSend', async (request) => {
    if (request.method === 'POST') forgetPrincipals(app);
  });

  // Files a crashed server left ACCEPTED are finished in the background once the app is ready.
  let resuming: Promise<unknown> = Promise.resolve();
  app.addHook('onReady', async () => {
    resuming = runner
      .resume()
      .then(() => forgetPrincipals(app))
      .catch((error) => app.log.error({ err: error }, 'resuming accepted imports failed'));
  });
  app.addHook('onClose', async () => {
    await resuming;
  });
};
