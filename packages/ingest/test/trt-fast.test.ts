import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTrt, readTrtFast } from '../src/trt/parse.js';
import { readTrt } from '../src/trt/process.js';
import { writeTrt } from '../src/trt/write.js';
import { generateExam } from './generate.js';
import { FIXTURES, fixture } from './helpers.js';

/** saxes's verdict on a document: the parsed TRT or the error message. */
function viaSaxes(bytes: Uint8Array): { trt: unknown } | { error: string } {
  try {
    return { trt: parseTrt(bytes) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function viaReadTrt(bytes: Uint8Array): { trt: unknown } | { error: string } {
  try {
    return { trt: readTrt(bytes) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const trtFixtures = ['valid', 'invalid', 'parse-only', 'reset-and-infer-school', 'update-sequence'].flatMap((dir) =>
  readdirSync(join(FIXTURES, 'trt', dir))
    .filter((f) => f.endsWith('.xml'))
    .map((f) => `trt/${dir}/${f}`),
);

/** A generated exam with a little of everything: entities, a comment, responses, traits. */
function richDocument(): string {
  const ref = {
    assessments: [
      {
        naturalId: '(SBAC)SBAC-ICA-FIXED-G5E-COMBINED-2017',
        subject: 'ELA',
        grade: '05',
        type: 'ica',
        schoolYear: 2017,
        min: 2201,
        max: 2701,
        cuts: [2442, 2502, 2582],
        claims: ['SOCK_R', '2-W'],
        targets: ['1-LT|1-3'],
        items: [
          { bankKey: '200', key: '1', format: 'MC', maxPoints: 1 },
          { bankKey: '200', key: '2', format: 'WER', maxPoints: 10 },
        ],
      },
    ],
    schools: ['APTEST1'],
  };
  const exam = generateExam(ref, 3, 11);
  for (const it of exam.items ?? []) it.response = { text: 'A <b> & "quoted" \u00e9\u4e2d\ttab\r\nCR LF\rCR', date: it.adminDate };
  return writeTrt(exam)
    .replace('<Examinee', '<!-- a comment -->\r\n  <Examinee')
    .replace(/(name="FirstName" value=")/, '$1\t\r\n\r');
}

describe('TRT fast path (parse.ts readTrtFast) gives exactly what saxes gives', () => {
  it('every TRT fixture: the fast path result equals saxes, or it leaves the file to saxes', () => {
    let fast = 0;
    for (const path of trtFixtures) {
      const bytes = fixture(path);
      const f = readTrtFast(bytes);
      const s = viaSaxes(bytes);
      if (f) {
        fast++;
        expect(s, path).toEqual({ trt: f });
      }
      expect(viaReadTrt(bytes), path).toEqual(s);
    }
    // The fast path is really taken for ordinary files.
    expect(fast).toBeGreaterThan(trtFixtures.length / 2);
    // Line ends in text (CR LF, CR → LF) and literal white space in attribute values (→ spaces).
    const rich = Buffer.from(richDocument());
    const f = readTrtFast(rich);
    expect(f?.items[0]?.response?.text).toBe('A <b> & "quoted" \u00e9\u4e2d\ttab\nCR LF\nCR');
    expect(f?.examinee.entries.find((e) => e.name === 'FirstName')?.value).toMatch(/^ {3}\S/);
    expect(viaSaxes(rich)).toEqual({ trt: f });
  });

  it('on mutated documents (random markup, references, bad characters) the outcome is always saxes’s', () => {
    const base = richDocument();
    const pieces = [
      '<',
      '>',
      '&',
      '"',
      "'",
      '=',
      '/',
      ' ',
      '\r',
      '\r\n',
      '\t',
      '\n',
      '&amp;',
      '&lt;',
      '&#0;',
      '&#65;',
      '&#x41;',
      '&#xD800;',
      '&#1114111;',
      '&nbsp;',
      ']]>',
      '<!--',
      '-->',
      '<!-- x -- y -->',
      '<?pi x?>',
      '<![CDATA[<x>]]>',
      '<!DOCTYPE x>',
      '\u0001',
      '\uFFFE',
      '\u00e9',
      '\u{1F600}',
      '\uD800',
      ' a="1"',
      ' a="1" a="2"',
      ' __proto__="x"',
      ' xmlns:x="u"',
      ' xsi:nil="true"',
      '<Comment context="c" date="2019-05-16T10:00:00">hi</Comment>',
      '</Item>',
      '<Item>',
      '<TDSReport>',
      '</TDSReport>',
      ' value="x" ',
      ' status="reset"',
      '<Response date="2019-05-16T10:00:00">x</Response>',
      '\u00a0',
    ];
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: fc.constantFrom(...pieces) }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 200 }) }),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        let doc = base;
        for (const m of mutations) {
          const at = m.at % (doc.length + 1);
          if (m.kind === 'insert') doc = doc.slice(0, at) + m.piece + doc.slice(at);
          else if (m.kind === 'delete') doc = doc.slice(0, at) + doc.slice(at + m.len);
          else doc = doc.slice(0, at) + doc.slice(at + m.len, at + 2 * m.len) + doc.slice(at, at + m.len) + doc.slice(at + 2 * m.len);
        }
        const bytes = Buffer.from(doc, 'utf8');
        const s = viaSaxes(bytes);
        const f = readTrtFast(bytes);
        if (f) expect(s).toEqual({ trt: f });
        expect(viaReadTrt(bytes)).toEqual(s);
      }),
      { numRuns: 3000, seed: 20261129 },
    );
  });
});
