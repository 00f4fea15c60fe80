import { describe, expect, it } from 'vitest';
import { castSummative, elpacSummative, sbElaSummative, sbMathIca } from '../../test/isr-fixtures.js';
import { pdfFonts, pdfInfo, pdfPageText, pdfText } from '../../test/pdf-text.js';
import { buildIsrModel } from '../isr/isr-model.js';
import { mergePdfs, pdfPageCount } from './merge-pdf.js';
import { createPdfPool } from './pdf-pool.js';
import { renderIsrDocument } from './render-isr.js';

const model = (make: typeof sbElaSummative) => buildIsrModel(make(), { language: 'en', includeAccommodations: false });

describe('mergePdfs', () => {
  it('joins rendered chunks in order into one tagged PDF with the report title', async () => {
    const a = await renderIsrDocument([model(sbElaSummative), model(sbMathIca)], { title: 'chunk a', language: 'en' });
    const b = await renderIsrDocument([model(castSummative), model(elpacSummative)], { title: 'chunk b', language: 'en' });
    const merged = mergePdfs([a.bytes, b.bytes], { title: 'Grade 5 (Room 12) — ISRs', lang: 'en-US' });
    expect(pdfPageCount(merged)).toBe(a.pages + b.pages);
    const info = pdfInfo(merged);
    expect(info.Pages).toBe(String(a.pages + b.pages));
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe('Grade 5 (Room 12) — ISRs');
    const text = pdfText(merged);
    const order = ['Ortega, Maria', 'Nguyen, Daniel', 'Park, Aiden', 'Tran, Minh'].map((n) => text.indexOf(n));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    expect(pdfPageText(merged, a.pages + 1)).toContain('Park, Aiden');
    expect(pdfFonts(merged).every((f) => f.embedded)).toBe(true);
    // One structure tree: every page's /StructParents is distinct.
    const keys = [...merged.toString('latin1').matchAll(/\/StructParents (\d+)/g)].map((m) => Number(m[1]));
    expect(new Set(keys).size).toBe(keys.length);
    expect(merged.toString('latin1')).toContain('/S /Part');
  });

  it('rejects what pdfkit did not write', () => {
    expect(() => mergePdfs([Buffer.from('not a pdf')], { title: 'x', lang: 'en-US' })).toThrow(/mergePdfs/);
  });
});

describe('PDF worker pool', () => {
  it('renders chunks in worker threads, in parallel, and closes', async () => {
    const pool = createPdfPool({ size: 2, idleMs: 1000 });
    try {
      const results = await Promise.all([
        pool.render([model(sbElaSummative)], { title: 'one', language: 'en' }),
        pool.render([model(castSummative), model(sbMathIca)], { title: 'two', language: 'en' }),
      ]);
      expect(results[0]?.pageCounts).toHaveLength(1);
      expect(results[1]?.pageCounts).toHaveLength(2);
      expect(pdfText(results[1]?.bytes as Buffer)).toContain('Park, Aiden');
    } finally {
      await pool.close();
    }
    await expect(pool.render([], { title: 'x', language: 'en' })).rejects.toThrow(/closed/);
  });
});
