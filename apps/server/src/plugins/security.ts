import { AppError } from '@cers/domain';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';

/** Responses that may be cached: no student data in them. */
const CACHEABLE = [/^\/api\/health$/, /^\/api\/docs(\/|$)/];

/**
 * Security headers, rate limiting and cache rules for the whole app (docs/access.md §Transport).
 * - CSP for the built SPA: scripts only from our origin, no inline scripts; inline styles are
 *   allowed because Mantine sets CSS variables in style attributes; ECharts draws on canvas.
 * - HSTS only when the app is reached over TLS (TRUST_PROXY or an https PUBLIC_URL).
 * - Cache-Control: no-store on every API answer except health and docs: student data must not
 *   linger in browser or proxy caches.
 */
async function security(app: FastifyInstance): Promise<void> {
  const { config } = app.ctx;
  const tls = config.trustProxy || (config.publicUrl?.startsWith('https:') ?? false);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(tls ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: tls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError('TOO_MANY_REQUESTS', `Too many requests. Wait ${context.after} and try again.`),
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/api/') && !CACHEABLE.some((re) => re.test(path))) {
      reply.header('cache-control', 'no-store');
      reply.header('pragma', 'no-cache');
    }
    return payload;
  });
  // Only JSON bodies (and multipart, where a route registers it): a cross-site form cannot send
  // JSON without a CORS preflight, which protects the session-less sign-in endpoints.
  app.removeContentTypeParser('text/plain');
}
Object.assign(security, { [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: 'cers-security' });
export const securityPlugin = security;
