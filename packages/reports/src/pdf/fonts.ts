import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Noto Sans (SIL Open Font License 1.1, assets/fonts/OFL.txt), shipped in the repository so every
 * PDF embeds its fonts (pdfkit's standard 14 fonts are never embedded). Subsets are embedded per
 * document, so a report carries only the glyphs it uses.
 */
export const FONT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'assets', 'fonts');
export const FONT_FILES = { regular: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf' } as const;

let cache: { regular: Buffer; bold: Buffer } | undefined;

/** Font bytes, read once per thread. */
export function loadFonts(): { regular: Buffer; bold: Buffer } {
  cache ??= {
    regular: readFileSync(join(FONT_DIR, FONT_FILES.regular)),
    bold: readFileSync(join(FONT_DIR, FONT_FILES.bold)),
  };
  return cache;
}
