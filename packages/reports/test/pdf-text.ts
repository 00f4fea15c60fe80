/** Test helpers reading PDFs back with poppler-utils (pdftotext, pdffonts, pdfinfo). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function toFile(bytes: Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cers-pdf-')), 'doc.pdf');
  writeFileSync(path, bytes);
  return path;
}

function run(tool: string, args: string[]): { stdout: string; stderr: string } {
  const stdout = execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { stdout, stderr: '' };
}

/** Text of the PDF with whitespace collapsed, so assertions read like the page. */
export function pdfText(bytes: Buffer): string {
  return run('pdftotext', ['-enc', 'UTF-8', toFile(bytes), '-']).stdout.replace(/\s+/g, ' ');
}

export type PdfFont = { name: string; type: string; embedded: boolean };
export function pdfFonts(bytes: Buffer): PdfFont[] {
  const lines = run('pdffonts', [toFile(bytes)])
    .stdout.trim()
    .split('\n')
    .slice(2);
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name type... emb sub uni objectId gen: read from the end
    return { name: cols[0] ?? '', type: cols.slice(1, -6).join(' '), embedded: cols[cols.length - 5] === 'yes' };
  });
}

export function pdfInfo(bytes: Buffer): Record<string, string> {
  const out = execFileSync('pdfinfo', [toFile(bytes)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return Object.fromEntries(
    out
      .trim()
      .split('\n')
      .map((l) => {
        const i = l.indexOf(':');
        return [l.slice(0, i).trim(), l.slice(i + 1).trim()];
      }),
  );
}

/** Text of one page (1-based). */
export function pdfPageText(bytes: Buffer, page: number): string {
  return run('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), toFile(bytes), '-']).stdout.replace(/\s+/g, ' ');
}
