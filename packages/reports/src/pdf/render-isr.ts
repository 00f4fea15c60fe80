import PDFDocument from 'pdfkit';
import type { IsrIndicator, IsrModel, IsrRow, IsrSection, ScaleGraphic } from '../isr/isr-model.js';
import { registerReportFonts } from './font-cache.js';

/**
 * pdfkit renderer for ISR view models: Letter paper, black and white (grays, hatching and
 * labels carry every distinction, never colour alone), embedded Noto Sans, tagged PDF 1.7 with a
 * Document → Sect (one per student) → H1/H2/P/Table/Figure/L structure and page furniture marked
 * as artifacts. The renderer only draws; every string and number comes from the model.
 */

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const PAGE = { width: 612, height: 792 };
const M = { left: 48, right: 48, top: 44, bottom: 58 };
const CONTENT_W = PAGE.width - M.left - M.right;
const BOTTOM = PAGE.height - M.bottom;
const INK = '#000000';
const MUTED = '#4d4d4d';
const RULE = '#8c8c8c';
/** Fill shades for levels 1..n (light to dark) — each level also gets its own hatching. */
const SHADES = ['#ffffff', '#e6e6e6', '#c8c8c8', '#9e9e9e', '#7a7a7a', '#5c5c5c'];

export type RenderOptions = {
  /** Document title (Info and XMP); ISR documents show it in the viewer's title bar. */
  title: string;
  language: 'en' | 'es';
  author?: string;
};

export type RenderedPdf = { bytes: Buffer; pages: number; pageCounts: number[] };

class Cursor {
  y = M.top;
}

/**
 * One line of text without pdfkit's line wrapper (which runs for any text given a width and
 * costs more than the drawing): fits the text by measuring, shortens it with "…" when too wide,
 * aligns it by hand. Use doc.text with a width only where text must wrap.
 */
function line(doc: Doc, text: string, x: number, y: number, opts: { width?: number; align?: 'left' | 'center' | 'right' } = {}): void {
  let t = text;
  let w = doc.widthOfString(t);
  if (opts.width !== undefined && w > opts.width) {
    while (t.length > 1 && w > opts.width) {
      t = t.slice(0, -1);
      w = doc.widthOfString(`${t}…`);
    }
    t = `${t}…`;
  }
  let dx = 0;
  if (opts.width !== undefined && opts.align === 'right') dx = opts.width - w;
  if (opts.width !== undefined && opts.align === 'center') dx = (opts.width - w) / 2;
  doc.text(t, x + dx, y, { lineBreak: false });
}

function artifact(doc: Doc, draw: () => void): void {
  doc.markContent('Artifact', { type: 'Layout' });
  draw();
  doc.endMarkedContent();
}

function tag(doc: Doc, parent: Struct, type: string, draw: () => void, options: PDFKit.Mixins.StructureElementOptions = {}): void {
  const el = doc.struct(type, options, draw);
  parent.add(el);
  el.end();
}

function ensureSpace(doc: Doc, c: Cursor, height: number, model: IsrModel): void {
  if (c.y + height <= BOTTOM) return;
  doc.addPage();
  c.y = M.top;
  artifact(doc, () => {
    doc.font('Bold').fontSize(8.5).fillColor(MUTED);
    line(doc, `${model.studentName} — ${model.assessmentTitle}`, M.left, c.y, { width: CONTENT_W });
  });
  c.y += 20;
}

function heading(doc: Doc, parent: Struct, c: Cursor, model: IsrModel, text: string, level: 'H2' | 'H3' = 'H2'): void {
  const size = level === 'H2' ? 12.5 : 10.5;
  ensureSpace(doc, c, size + 40, model);
  c.y += 4;
  tag(doc, parent, level, () => {
    doc.font('Bold').fontSize(size).fillColor(INK).text(text, M.left, c.y, { width: CONTENT_W });
  });
  c.y = doc.y + 2;
  artifact(doc, () => {
    doc
      .moveTo(M.left, c.y)
      .lineTo(M.left + CONTENT_W, c.y)
      .lineWidth(0.75)
      .strokeColor(INK)
      .stroke();
  });
  c.y += 5;
}

function paragraph(doc: Doc, parent: Struct, c: Cursor, model: IsrModel, text: string, size = 9.5, color = INK): void {
  doc.font('Regular').fontSize(size);
  const h = doc.heightOfString(text, { width: CONTENT_W });
  ensureSpace(doc, c, h + 2, model);
  tag(doc, parent, 'P', () => {
    doc.font('Regular').fontSize(size).fillColor(color).text(text, M.left, c.y, { width: CONTENT_W });
  });
  c.y = doc.y + 3;
}

function drawTitle(doc: Doc, sect: Struct, c: Cursor, model: IsrModel): void {
  tag(doc, sect, 'H1', () => {
    doc.font('Bold').fontSize(18).fillColor(INK).text(model.reportTitle, M.left, c.y, { width: CONTENT_W });
  });
  c.y = doc.y + 1;
  tag(doc, sect, 'P', () => {
    doc.font('Bold').fontSize(11).fillColor(INK).text(model.assessmentTitle, M.left, c.y, { width: CONTENT_W });
  });
  c.y = doc.y + 8;
}

/** Student facts as a three-column grid of label/value pairs (tagged as a table). */
function drawHeader(doc: Doc, sect: Struct, c: Cursor, model: IsrModel): void {
  const columns = 3;
  const rows = Math.ceil(model.header.length / columns);
  const rowH = 24;
  const top = c.y;
  const colW = CONTENT_W / columns;
  artifact(doc, () => {
    doc
      .rect(M.left, top, CONTENT_W, rows * rowH + 6)
      .lineWidth(0.75)
      .strokeColor(INK)
      .stroke();
  });
  const table = doc.struct('Table');
  sect.add(table);
  model.header.forEach((field, i) => {
    const col = i % columns;
    const row = Math.floor(i / columns);
    const x = M.left + 8 + col * colW;
    const y = top + 5 + row * rowH;
    const tr = doc.struct('TR');
    table.add(tr);
    tag(doc, tr, 'TH', () => {
      doc.font('Bold').fontSize(7).fillColor(MUTED);
      line(doc, field.label.toUpperCase(), x, y, { width: colW - 14 });
    });
    tag(doc, tr, 'TD', () => {
      doc
        .font(i === 0 ? 'Bold' : 'Regular')
        .fontSize(9.5)
        .fillColor(INK);
      line(doc, field.value, x, y + 8.5, { width: colW - 14 });
    });
    tr.end();
  });
  table.end();
  c.y = top + rows * rowH + 14;
}

/** Diagonal, crossed or horizontal hatching inside a rectangle, one style per level. */
function hatch(doc: Doc, x: number, y: number, w: number, h: number, index: number): void {
  doc.save();
  doc.rect(x, y, w, h).clip();
  doc.lineWidth(0.5).strokeColor(INK);
  const step = 5;
  if (index === 2 || index === 4) {
    for (let d = -h; d < w; d += step)
      doc
        .moveTo(x + d, y + h)
        .lineTo(x + d + h, y)
        .stroke();
  }
  if (index === 3 || index === 4) {
    for (let d = 0; d < w + h; d += step)
      doc
        .moveTo(x + d, y + h)
        .lineTo(x + d - h, y)
        .stroke();
  }
  if (index >= 5) {
    for (let d = y + 2; d < y + h; d += 3)
      doc
        .moveTo(x, d)
        .lineTo(x + w, d)
        .stroke();
  }
  doc.restore();
}

function drawScale(doc: Doc, parent: Struct, c: Cursor, model: IsrModel, g: ScaleGraphic): void {
  const height = 92;
  ensureSpace(doc, c, height, model);
  const top = c.y;
  const barY = top + 30;
  const barH = 20;
  const span = g.max - g.min || 1;
  const xOf = (v: number) => M.left + ((v - g.min) / span) * CONTENT_W;
  tag(
    doc,
    parent,
    'Figure',
    () => {
      for (const s of g.segments) {
        const x0 = xOf(s.from);
        const x1 = xOf(s.to);
        doc
          .rect(x0, barY, x1 - x0, barH)
          .fillColor(SHADES[s.index - 1] ?? '#ffffff')
          .fill();
        hatch(doc, x0, barY, x1 - x0, barH, s.index);
        doc
          .rect(x0, barY, x1 - x0, barH)
          .lineWidth(0.75)
          .strokeColor(INK)
          .stroke();
        doc
          .font('Regular')
          .fontSize(7.5)
          .fillColor(INK)
          .text(s.label, x0 + 2, barY + barH + 4, {
            width: Math.max(10, x1 - x0 - 4),
            align: 'center',
            height: 24,
            ellipsis: true,
          });
      }
      doc.font('Regular').fontSize(7).fillColor(MUTED);
      line(doc, String(g.min), M.left, barY - 10);
      line(doc, String(g.max), M.left + CONTENT_W - 30, barY - 10, { width: 30, align: 'right' });
      for (const cut of g.cuts) {
        const x = xOf(cut);
        line(doc, String(cut), x - 15, barY - 10, { width: 30, align: 'center' });
      }
      // Error band: a heavy bracket over the bar, then the score marker.
      const lx = xOf(g.low);
      const hx = xOf(g.high);
      const by = barY + barH / 2;
      doc
        .rect(lx, by - 3, Math.max(1, hx - lx), 6)
        .fillColor('#ffffff')
        .fill();
      doc
        .rect(lx, by - 3, Math.max(1, hx - lx), 6)
        .lineWidth(1)
        .strokeColor(INK)
        .stroke();
      doc
        .moveTo(lx, barY + 2)
        .lineTo(lx, barY + barH - 2)
        .lineWidth(1.5)
        .stroke();
      doc
        .moveTo(hx, barY + 2)
        .lineTo(hx, barY + barH - 2)
        .lineWidth(1.5)
        .stroke();
      const sx = xOf(g.score);
      doc
        .polygon([sx - 6, barY - 13], [sx + 6, barY - 13], [sx, barY - 2])
        .fillColor(INK)
        .fill();
      doc
        .moveTo(sx, barY - 2)
        .lineTo(sx, barY + barH)
        .lineWidth(2)
        .strokeColor(INK)
        .stroke();
      const label = `${g.marker}: ${g.score}`;
      doc.font('Bold').fontSize(8);
      const w = doc.widthOfString(label) + 4;
      const lxText = Math.min(Math.max(M.left, sx - w / 2), M.left + CONTENT_W - w);
      doc
        .rect(lxText - 1, top - 1, w + 2, 12)
        .fillColor('#ffffff')
        .fill();
      doc.fillColor(INK).text(label, lxText, top, { lineBreak: false });
    },
    { alt: g.alt },
  );
  c.y = barY + barH + 30;
}

function drawOverall(doc: Doc, parent: Struct, c: Cursor, model: IsrModel, s: Extract<IsrSection, { type: 'overall' }>): void {
  heading(doc, parent, c, model, s.heading);
  ensureSpace(doc, c, 90, model);
  const top = c.y;
  const leftW = 170;
  const rightX = M.left + leftW + 16;
  const rightW = CONTENT_W - leftW - 16;
  tag(doc, parent, 'P', () => {
    doc.font('Bold').fontSize(7.5).fillColor(MUTED).text(s.scoreLabel.toUpperCase(), M.left, top, { width: leftW });
    if (s.score === null) {
      doc
        .font('Regular')
        .fontSize(10)
        .fillColor(INK)
        .text(s.noScore ?? '', M.left, top + 12, { width: leftW });
      return;
    }
    doc
      .font('Bold')
      .fontSize(30)
      .fillColor(INK)
      .text(s.score, M.left, top + 8, { lineBreak: false });
    const scoreW = doc.widthOfString(s.score);
    if (s.band)
      doc
        .font('Regular')
        .fontSize(12)
        .text(s.band, M.left + scoreW + 6, top + 25, { lineBreak: false });
    if (s.range)
      doc
        .font('Regular')
        .fontSize(8.5)
        .fillColor(MUTED)
        .text(s.range, M.left, top + 50, { width: leftW });
  });
  let rightBottom = top;
  tag(doc, parent, 'P', () => {
    doc.font('Bold').fontSize(7.5).fillColor(MUTED).text(s.levelLabel.toUpperCase(), rightX, top, { width: rightW });
    doc
      .font('Bold')
      .fontSize(14)
      .fillColor(INK)
      .text(s.levelName ?? '—', rightX, top + 11, { width: rightW });
    rightBottom = doc.y;
  });
  if (s.levelDescription) {
    const desc = s.levelDescription;
    tag(doc, parent, 'P', () => {
      doc
        .font('Regular')
        .fontSize(9)
        .fillColor(INK)
        .text(desc, rightX, rightBottom + 2, { width: rightW });
      rightBottom = doc.y;
    });
  }
  c.y = Math.max(top + 66, rightBottom + 8);
  if (s.scale) drawScale(doc, parent, c, model, s.scale);
}

function drawIndicator(doc: Doc, x: number, y: number, ind: IsrIndicator): void {
  const size = 8;
  const gap = 2;
  for (let i = 1; i <= ind.count; i++) {
    const bx = x + (i - 1) * (size + gap);
    doc.rect(bx, y, size, size).lineWidth(0.6).strokeColor(INK);
    const filled = ind.mode === 'points' ? i <= ind.index : i === ind.index;
    if (filled) doc.fillAndStroke(INK, INK);
    else doc.stroke();
  }
}

function columnWidths(count: number, hasIndicator: boolean): number[] {
  const indicator = hasIndicator ? 62 : 0;
  const avail = CONTENT_W - indicator;
  if (count === 2) return [avail * 0.62, avail * 0.38];
  if (count === 3) return [avail * 0.5, avail * 0.2, avail * 0.3];
  if (count === 4) return [avail * 0.38, avail * 0.2, avail * 0.22, avail * 0.2];
  const first = avail * 0.2;
  const rest = (avail - first) / (count - 1);
  return [first, ...Array.from({ length: count - 1 }, () => rest)];
}

function drawTable(doc: Doc, parent: Struct, c: Cursor, model: IsrModel, s: Extract<IsrSection, { type: 'table' }>): void {
  // Keep the heading, intro, column heads and the first row together.
  ensureSpace(doc, c, 30 + (s.intro ? 14 : 0) + (s.lead ? 16 : 0) + 17 + Math.min(s.rows.length, 2) * 15, model);
  heading(doc, parent, c, model, s.heading);
  if (s.intro) paragraph(doc, parent, c, model, s.intro, 8.5, MUTED);
  if (s.lead) {
    const lead = s.lead;
    ensureSpace(doc, c, 16, model);
    tag(doc, parent, 'P', () => {
      doc.font('Bold').fontSize(10).fillColor(INK).text(lead, M.left, c.y, { width: CONTENT_W });
    });
    c.y = doc.y + 3;
  }
  const hasIndicator = s.rows.some((r) => r.indicator);
  const widths = columnWidths(s.columns.length, hasIndicator);
  const table = doc.struct('Table');
  parent.add(table);
  const headRow = () => {
    const tr = doc.struct('TR');
    table.add(tr);
    let x = M.left;
    s.columns.forEach((col, i) => {
      const w = widths[i] ?? 60;
      const cx = x;
      tag(doc, tr, 'TH', () => {
        doc.font('Bold').fontSize(8).fillColor(INK);
        line(doc, col, cx + 3, c.y + 3, { width: w - 6 });
      });
      x += w;
    });
    tr.end();
    artifact(doc, () => {
      doc
        .moveTo(M.left, c.y + 15)
        .lineTo(M.left + CONTENT_W, c.y + 15)
        .lineWidth(0.75)
        .strokeColor(INK)
        .stroke();
    });
    c.y += 17;
  };
  ensureSpace(doc, c, 36, model);
  headRow();
  s.rows.forEach((row: IsrRow, index) => {
    doc.font(row.emphasis ? 'Bold' : 'Regular').fontSize(9);
    const firstH = doc.heightOfString(row.cells[0] ?? '', { width: (widths[0] ?? 100) - 6 });
    const h = Math.max(14, firstH + 4);
    if (c.y + h > BOTTOM) {
      ensureSpace(doc, c, h + 20, model);
      headRow();
    }
    if (index % 2 === 1) {
      artifact(doc, () => {
        doc
          .rect(M.left, c.y - 1, CONTENT_W, h)
          .fillColor('#f2f2f2')
          .fill();
      });
    }
    const tr = doc.struct('TR');
    table.add(tr);
    let x = M.left;
    row.cells.forEach((cell, i) => {
      const w = widths[i] ?? 60;
      const cx = x;
      const y = c.y + 2;
      tag(doc, tr, 'TD', () => {
        doc
          .font(row.emphasis ? 'Bold' : 'Regular')
          .fontSize(9)
          .fillColor(INK);
        if (i === 0) doc.text(cell, cx + 3, y, { width: w - 6 });
        else line(doc, cell, cx + 3, y, { width: w - 6 });
      });
      x += w;
    });
    tr.end();
    const ind = row.indicator;
    if (ind) artifact(doc, () => drawIndicator(doc, M.left + CONTENT_W - 58, c.y + 3, ind));
    artifact(doc, () => {
      doc
        .moveTo(M.left, c.y + h - 1)
        .lineTo(M.left + CONTENT_W, c.y + h - 1)
        .lineWidth(0.3)
        .strokeColor(RULE)
        .stroke();
    });
    c.y += h;
  });
  table.end();
  c.y += 4;
  for (const note of s.notes) paragraph(doc, parent, c, model, note, 8.5, MUTED);
}

function drawMeasure(doc: Doc, parent: Struct, c: Cursor, model: IsrModel, s: Extract<IsrSection, { type: 'measure' }>): void {
  ensureSpace(doc, c, 85, model);
  heading(doc, parent, c, model, s.heading);
  ensureSpace(doc, c, 40, model);
  tag(doc, parent, 'P', () => {
    doc.font('Bold').fontSize(16).fillColor(INK).text(s.value, M.left, c.y, { lineBreak: false });
    const valueW = doc.widthOfString(s.value);
    doc
      .font('Regular')
      .fontSize(9.5)
      .text(s.range, M.left + valueW + 12, c.y + 6, { lineBreak: false });
  });
  c.y += 22;
  paragraph(doc, parent, c, model, s.intro, 9);
  if (s.reference) paragraph(doc, parent, c, model, s.reference, 8.5, MUTED);
}

function drawList(doc: Doc, parent: Struct, c: Cursor, model: IsrModel, s: Extract<IsrSection, { type: 'list' }>): void {
  heading(doc, parent, c, model, s.heading);
  paragraph(doc, parent, c, model, s.intro, 9);
  if (s.items.length === 0) return;
  const list = doc.struct('L');
  parent.add(list);
  for (const item of s.items) {
    doc.font('Regular').fontSize(9);
    const h = doc.heightOfString(item, { width: CONTENT_W - 14 });
    ensureSpace(doc, c, h + 2, model);
    const li = doc.struct('LI');
    list.add(li);
    const y = c.y;
    tag(doc, li, 'Lbl', () => {
      doc
        .font('Regular')
        .fontSize(9)
        .fillColor(INK)
        .text('•', M.left + 2, y, { lineBreak: false });
    });
    tag(doc, li, 'LBody', () => {
      doc
        .font('Regular')
        .fontSize(9)
        .fillColor(INK)
        .text(item, M.left + 14, y, { width: CONTENT_W - 14 });
    });
    li.end();
    c.y = doc.y + 1;
  }
  list.end();
}

function drawSection(doc: Doc, sect: Struct, c: Cursor, model: IsrModel, s: IsrSection): void {
  switch (s.type) {
    case 'overall':
      drawOverall(doc, sect, c, model, s);
      break;
    case 'table':
      drawTable(doc, sect, c, model, s);
      break;
    case 'measure':
      drawMeasure(doc, sect, c, model, s);
      break;
    case 'list':
      drawList(doc, sect, c, model, s);
      break;
    case 'notes':
      heading(doc, sect, c, model, s.heading, 'H3');
      for (const p of s.paragraphs) paragraph(doc, sect, c, model, p, 8.5, MUTED);
      break;
    default: {
      const never: never = s;
      throw new Error(`Unknown section ${String(never)}`);
    }
  }
}

/** Draws one ISR starting on a new page. */
function drawIsr(doc: Doc, root: Struct, model: IsrModel): void {
  doc.addPage();
  const sect = doc.struct('Sect', { title: model.title, lang: model.language === 'es' ? 'es-US' : 'en-US' });
  root.add(sect);
  const c = new Cursor();
  drawTitle(doc, sect, c, model);
  drawHeader(doc, sect, c, model);
  for (const s of model.sections) drawSection(doc, sect, c, model, s);
  sect.end();
}

function drawFooters(doc: Doc, models: readonly IsrModel[], pageCounts: readonly number[]): void {
  let page = 0;
  models.forEach((model, i) => {
    const count = pageCounts[i] ?? 1;
    for (let p = 1; p <= count; p++) {
      doc.switchToPage(page);
      doc.markContent('Artifact', { type: 'Pagination' });
      const y = PAGE.height - M.bottom + 18;
      doc
        .moveTo(M.left, y - 6)
        .lineTo(M.left + CONTENT_W, y - 6)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      doc.font('Regular').fontSize(7.5).fillColor(MUTED);
      line(doc, `${model.studentName} · ${model.footer.text}`, M.left, y, { width: CONTENT_W - 90 });
      const label = model.footer.pageTemplate.replace('{page}', String(p)).replace('{pages}', String(count));
      line(doc, label, M.left + CONTENT_W - 90, y, { width: 90, align: 'right' });
      doc.endMarkedContent();
      page++;
    }
  });
}

/**
 * Renders ISRs into one tagged PDF, each starting on a new page with its own page numbering.
 * Used by the render worker for a chunk of students; chunks are merged by mergePdfs().
 */
export async function renderIsrDocument(models: readonly IsrModel[], options: RenderOptions): Promise<RenderedPdf> {
  const lang = options.language === 'es' ? 'es-US' : 'en-US';
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 0,
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    displayTitle: true,
    lang,
    compress: true,
    // No default font: pdfkit would otherwise parse Helvetica's metrics for every document.
    font: '',
    info: { Title: options.title, Author: options.author ?? 'CERS', Subject: 'Individual Student Report', Creator: 'CERS' },
  });
  registerReportFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  const pageCounts: number[] = [];
  for (const model of models) {
    const before = doc.bufferedPageRange().count;
    drawIsr(doc, root, model);
    pageCounts.push(doc.bufferedPageRange().count - before);
  }
  root.end();
  drawFooters(doc, models, pageCounts);
  doc.end();
  await ended;
  const bytes = Buffer.concat(chunks);
  return { bytes, pages: pageCounts.reduce((a, b) => a + b, 0), pageCounts };
}
