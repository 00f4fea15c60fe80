import { loadFonts } from './fonts.js';

/**
 * Registers the report fonts ('Regular', 'Bold') on a pdfkit document. Parsing the two TrueType
 * files costs more than laying out dozens of reports, so a thread parses them once (fontkit) and
 * later documents get new embedded-font objects around the same parsed fonts — each document still
 * embeds its own subset. This reaches into pdfkit internals (0.17: _fontFamilies, _fontCount,
 * _font); if their shape changes, documents fall back to pdfkit's normal, slower path.
 */
type EmbeddedFontClass = new (doc: unknown, font: unknown, id: string) => unknown;
type Internals = {
  _fontFamilies?: Record<string, unknown>;
  _fontCount?: number;
  _font?: { font?: unknown; constructor: EmbeddedFontClass };
};

let parsed: { ctor: EmbeddedFontClass; regular: unknown; bold: unknown } | undefined;

export function registerReportFonts(doc: PDFKit.PDFDocument): void {
  const fonts = loadFonts();
  doc.registerFont('Regular', fonts.regular);
  doc.registerFont('Bold', fonts.bold);
  const d = doc as unknown as Internals;
  if (!d._fontFamilies || typeof d._fontCount !== 'number') return;
  if (!parsed) {
    doc.font('Regular');
    const regular = d._font;
    doc.font('Bold');
    const bold = d._font;
    if (regular?.font && bold?.font) parsed = { ctor: regular.constructor, regular: regular.font, bold: bold.font };
    return;
  }
  for (const [name, font] of [
    ['Regular', parsed.regular],
    ['Bold', parsed.bold],
  ] as const) {
    d._fontCount += 1;
    d._fontFamilies[name] = new parsed.ctor(doc, font, `F${d._fontCount}`);
  }
}
