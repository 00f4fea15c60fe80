import { describe, expect, it } from 'vitest';
import {
  alternateElpac,
  caaSummative,
  castSummative,
  csaSummative,
  EVERY_FAMILY,
  elpacSummative,
  sbElaIabs,
  sbElaSummative,
  sbMathIca,
} from '../../test/isr-fixtures.js';
import { pdfFonts, pdfInfo, pdfText } from '../../test/pdf-text.js';
import type { IsrInput } from '../isr/isr-input.js';
import { buildIsrModel } from '../isr/isr-model.js';
import { renderIsrDocument } from './render-isr.js';

async function render(input: IsrInput, language: 'en' | 'es' = 'en', includeAccommodations = false) {
  const model = buildIsrModel(input, { language, includeAccommodations });
  const pdf = await renderIsrDocument([model], { title: model.title, language });
  return { pdf, text: pdfText(pdf.bytes) };
}

describe('ISR PDF, one per family', () => {
  it('Smarter Balanced ELA summative: student, SSID, score, level, composites, traits, Lexile, history', async () => {
    const { text } = await render(sbElaSummative());
    expect(text).toContain('Ortega, Maria');
    expect(text).toContain('1000003718');
    expect(text).toContain('Sample Elementary School');
    expect(text).toContain('Sample Unified School District');
    expect(text).toContain('2024–25');
    expect(text).toContain('April 15, 2025');
    expect(text).toContain('2531');
    expect(text).toContain('± 23');
    expect(text).toContain('Score range 2508–2555');
    expect(text).toContain('Standard Met');
    expect(text).toContain('Student Achievement by Composite Claim');
    expect(text).toMatch(/Reading and Listening 2540 Above Standard/);
    expect(text).toMatch(/Writing and Research 2490 Near Standard/);
    expect(text).toContain('Writing Purpose: Argumentative');
    expect(text).toMatch(/Organization\/Purpose 3 of 4/);
    expect(text).toMatch(/Evidence\/Elaboration 2 of 4/);
    expect(text).toMatch(/Conventions 2 of 2/);
    expect(text).toContain('870L');
    expect(text).toContain('Range: 770L to 920L');
    expect(text).toMatch(/2023–24 Grade 4 2468 ± 24 Standard Nearly Met/);
    expect(text).not.toContain('Accommodations');
  });

  it('prints accommodations only when asked', async () => {
    const { text } = await render(sbElaSummative(), 'en', true);
    expect(text).toContain('The following accommodations were made available:');
    expect(text).toContain('Separate setting');
    expect(text).toContain('Text-to-speech');
  });

  it('Smarter Balanced Math ICA: claims, "Not Scored", Quantile', async () => {
    const { text } = await render(sbMathIca());
    expect(text).toContain('Nguyen, Daniel');
    expect(text).toContain('4000012949');
    expect(text).toContain('2455');
    expect(text).toContain('Standard Not Met');
    expect(text).toContain('Student Achievement by Claim');
    expect(text).toMatch(/Concepts and Procedures 2440 Below Standard/);
    expect(text).toMatch(/Problem Solving and Modeling & Data Analysis 2500 Near Standard/);
    expect(text).toMatch(/Communicating Reasoning — Not Scored/);
    expect(text).toContain('650Q');
    expect(text).not.toContain('Writing Trait Scores');
  });

  it('Smarter Balanced IABs: every block, current and previous results', async () => {
    const { text } = await render(sbElaIabs());
    expect(text).toContain('Current Results');
    expect(text).toMatch(/Grade 5 ELA - Read Literary Texts \(IAB\) January 22, 2025 Above Standard 2575 ± 38/);
    expect(text).toMatch(/Grade 5 ELA - Research \(IAB\) November 12, 2024 Near Standard 2511 ± 45/);
    expect(text).toContain('Previous Results');
    expect(text).toMatch(/October 2, 2024 Below Standard 2460 ± 40/);
  });

  it('CAST: domains', async () => {
    const { text } = await render(castSummative());
    expect(text).toContain('California Science Test (CAST)');
    expect(text).toContain('6000035780');
    expect(text).toContain('231');
    expect(text).toContain('Standard Exceeded');
    expect(text).toContain('Student Achievement by Domain');
    expect(text).toMatch(/Life Sciences Above Standard/);
    expect(text).toMatch(/Physical Sciences Near Standard/);
    expect(text).toMatch(/Earth and Space Sciences Below Standard/);
  });

  it('CAA: three alternate levels with their description', async () => {
    const { text } = await render(caaSummative());
    expect(text).toContain('California Alternate Assessment (CAA)');
    expect(text).toContain('548');
    expect(text).toContain('Foundational Understanding');
    expect(text).toContain('foundational understanding of, and ability to apply');
  });

  it('CSA: composites and domains (2024–25 high school)', async () => {
    const { text } = await render(csaSummative());
    expect(text).toContain('Ramírez, Sofía Inés');
    expect(text).toContain('471');
    expect(text).toContain('Level 3 (high Spanish literacy)');
    expect(text).toMatch(/Oral Literacy Level 2 \(moderate Spanish literacy\)/);
    expect(text).toMatch(/Speaking Beginning/);
  });

  it('Summative ELPAC: overall, composite scale scores, domains', async () => {
    const { text } = await render(elpacSummative());
    expect(text).toContain('Overall Performance');
    expect(text).toContain('1497');
    expect(text).toContain('Moderately Developed');
    expect(text).toMatch(/Oral Language 1512 Moderately Developed/);
    expect(text).toMatch(/Written Language 1470 Somewhat Developed/);
    expect(text).toMatch(/Writing Beginning to Develop/);
  });

  it('Alternate ELPAC: three levels', async () => {
    const { text } = await render(alternateElpac());
    expect(text).toContain('Alternate ELPAC');
    expect(text).toContain('168');
    expect(text).toContain('Intermediate English Learner');
  });

  it('Spanish report: fixed text, level names and dates in Spanish', async () => {
    const { text } = await render(sbElaSummative(), 'es', true);
    expect(text).toContain('Informe individual del estudiante');
    expect(text).toContain('Puntuación en escala');
    expect(text).toContain('Norma alcanzada');
    expect(text).toContain('15 de abril de 2025');
    expect(text).toMatch(/Lectura y comprensión auditiva 2540 Por encima de la norma/);
    expect(text).toContain('Propósito de la escritura: Argumentativo');
    expect(text).toMatch(/Organización\/propósito 3 de 4/);
    expect(text).toContain('Se pusieron a disposición las siguientes adaptaciones:');
    expect(text).not.toContain('Individual Student Report');
    expect(text).toContain('Ortega, Maria');
  });

  it('embeds every font (no unembedded standard-14 font) and is a tagged PDF 1.7 with a title and language', async () => {
    const models = Object.values(EVERY_FAMILY).map((make) => buildIsrModel(make(), { language: 'en', includeAccommodations: true }));
    const pdf = await renderIsrDocument(models, { title: 'All families', language: 'en' });
    const fonts = pdfFonts(pdf.bytes);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded)).toBe(true);
    expect(fonts.every((f) => f.type.includes('TrueType'))).toBe(true);
    expect(fonts.map((f) => f.name).join(' ')).toMatch(/NotoSans-Regular/);
    const raw = pdf.bytes.toString('latin1');
    expect(raw).toContain('/FontFile2');
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
    expect(raw).toContain('/Lang (en-US)');
    expect(raw).toContain('/StructTreeRoot');
    const info = pdfInfo(pdf.bytes);
    expect(info.Tagged).toBe('yes');
    expect(info['PDF version']).toBe('1.7');
    expect(info.Title).toBe('All families');
    expect(info['Page size']).toContain('612 x 792');
    expect(Number(info.Pages)).toBe(pdf.pages);
    expect(pdf.pageCounts).toHaveLength(models.length);
  });

  it('numbers pages per student', async () => {
    const a = buildIsrModel(sbElaSummative(), { language: 'en', includeAccommodations: true });
    const b = buildIsrModel(castSummative(), { language: 'en', includeAccommodations: false });
    const pdf = await renderIsrDocument([a, b], { title: 't', language: 'en' });
    const text = pdfText(pdf.bytes);
    expect(pdf.pageCounts[0]).toBeGreaterThanOrEqual(2);
    expect(text).toContain(`Page 1 of ${pdf.pageCounts[0]}`);
    expect(text).toContain(`Page 1 of ${pdf.pageCounts[1]}`);
  });
});
