import pino, { type Logger } from 'pino';

/** Paths never written to logs (STYLE.md §3.6): credentials and student identifiers. */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.passwordHash',
  '*.csrfToken',
  '*.codeVerifier',
  '*.ssid',
  '*.firstName',
  '*.lastName',
  '*.birthday',
  '*.token',
];

export function createLogger(options: { level: string; pretty?: boolean }): Logger {
  const pretty = options.pretty ?? process.stdout.isTTY;
  return pino({
    level: options.level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      // Route patterns, not query strings: a query string may carry an SSID.
      req: (req: { method?: string; url?: string; routeOptions?: { url?: string } }) => ({
        method: req.method,
        url: req.routeOptions?.url ?? req.url?.split('?')[0],
      }),
    },
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } }
      : {}),
  });
}
