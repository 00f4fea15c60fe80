/**
 * The app as production runs it, in its own process, for bench/web.bench.ts: PostgreSQL at --url,
 * no job worker, request logging off. Prints "listening <port>" when ready; exits on SIGTERM.
 */
import { openDb } from '@cers/db';
import { buildApp, createLogger, loadConfig } from '@cers/server';

const url = process.argv.find((a) => a.startsWith('--url='))?.slice(6);
const pool = Number(process.argv.find((a) => a.startsWith('--pool='))?.slice(7) ?? 20);
if (!url) throw new Error('--url=postgres://… is required');

const config = loadConfig({ DATABASE_URL: url, CERS_SANDBOX: 'false', LOG_LEVEL: 'error', PORT: '65000' });
const cers = await openDb({ url, poolSize: pool });
const app = await buildApp({ config, cers, logger: createLogger({ level: 'error', pretty: false }) });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);

const stop = async () => {
  await app.close();
  await cers.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
