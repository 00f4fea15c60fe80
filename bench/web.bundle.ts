/**
 * Initial JavaScript of the web app (issue #6 target: under 350 KB gzip): builds apps/web with
 * Vite, then gzips every script that dist/index.html loads before the first page renders (the entry
 * module and its modulepreload links). Lazy chunks (pages, ECharts) are listed apart.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const WEB = join(dirname(fileURLToPath(import.meta.url)), '..', 'apps', 'web');
export const INITIAL_JS_TARGET_KB = 350;

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

export function measureWebBundle(options: { build?: boolean } = {}) {
  if (options.build !== false) {
    const built = spawnSync(
      process.execPath,
      [join(WEB, '..', '..', 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'error'],
      {
        cwd: WEB,
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    if (built.status !== 0) throw new Error(`vite build failed (exit ${built.status})`);
  }
  const dist = join(WEB, 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => (m[1] ?? '').replace(/^\//, ''));
  const size = (file: string) => {
    const bytes = readFileSync(join(dist, file));
    return { file, rawKB: kb(bytes.length), gzipKB: kb(gzipSync(bytes).length) };
  };
  const initialFiles = [...new Set(initial)].map(size);
  const gzipKB = Math.round(initialFiles.reduce((sum, f) => sum + f.gzipKB, 0) * 10) / 10;
  const lazyChunks = readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js') && !initial.includes(`assets/${f}`))
    .map((f) => size(`assets/${f}`))
    .sort((a, b) => b.gzipKB - a.gzipKB)
    .slice(0, 12);
  return {
    initialJs: { gzipKB, rawKB: Math.round(initialFiles.reduce((sum, f) => sum + f.rawKB, 0) * 10) / 10, files: initialFiles },
    targetKB: INITIAL_JS_TARGET_KB,
    met: gzipKB < INITIAL_JS_TARGET_KB,
    largestLazyChunks: lazyChunks,
    note: 'gzip = node zlib default level of each initial script; lazy chunks (pages, ECharts) load on their route',
  };
}
