import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from './context.js';
import { authPlugin } from './plugins/auth.js';
import { registerErrorHandler } from './plugins/errors.js';
import { securityPlugin } from './plugins/security.js';
import { auditRoutes } from './routes/audit/audit.routes.js';
import { authRoutes } from './routes/auth/auth.routes.js';
import { oidcRoutes } from './routes/auth/oidc.routes.js';
import { groupRoutes } from './routes/groups/groups.routes.js';
import { healthRoutes } from './routes/health/health.routes.js';
import { importsRoutes } from './routes/imports/imports.routes.js';
import { meRoutes } from './routes/me/me.routes.js';
import { reportRoutes } from './routes/reports/reports.routes.js';
import { resultsRoutes } from './routes/results/results.routes.js';
import { sandboxRoutes } from './routes/sandbox/sandbox.routes.js';
import { schoolRoutes } from './routes/schools/schools.routes.js';
import { studentRoutes } from './routes/students/students.routes.js';

export const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');

/** Builds the app without listening (tests use app.inject). */
export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.logger as unknown as FastifyBaseLogger,
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('ctx', ctx);
  registerErrorHandler(app);

  await app.register(fastifyCookie, ctx.config.sessionSecret ? { secret: ctx.config.sessionSecret } : {});
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'CERS API', description: 'California Educator Reporting System', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'cers_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  await app.register(securityPlugin);
  await app.register(authPlugin);

  // Routes, one plugin per area (explicit, no autoload).
  await app.register(healthRoutes);
  await app.register(meRoutes);
  await app.register(authRoutes);
  await app.register(oidcRoutes);
  await app.register(auditRoutes);
  await app.register(sandboxRoutes);
  await app.register(studentRoutes);
  await app.register(groupRoutes);
  await app.register(schoolRoutes);
  await app.register(resultsRoutes);
  await app.register(reportRoutes);
  await app.register(importsRoutes);

  await registerWeb(app);
  return app;
}

/** Serves the built React app; unknown non-API paths get index.html (client-side routes). */
async function registerWeb(app: FastifyInstance): Promise<void> {
  const hasWeb = existsSync(join(WEB_DIST, 'index.html'));
  const sendIndex = (reply: FastifyReply) => reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  if (hasWeb) {
    // wildcard: files are looked up per request, so a rebuilt web app (new hashed assets) is served
    // without restarting; a missing file falls through to the not-found handler below.
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: true, index: false });
    app.get('/', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/api/') || path.startsWith('/assets/') || request.method !== 'GET' || !hasWeb) {
      return reply.code(404).send({ error: 'NOT_FOUND', message: `No route for ${request.method} ${path}` });
    }
    return sendIndex(reply);
  });
}
