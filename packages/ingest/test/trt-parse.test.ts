import { describe, expect, it } from 'vitest';
import { ErrorCollector } from '../src/statuses.js';
import { bestEntry, readExaminee } from '../src/trt/examinee.js';
import { parseTrt, TrtFormatError } from '../src/trt/parse.js';
import { readTrt } from '../src/trt/process.js';
import { EXTERNAL_VENDOR } from '../src/trt/transforms.js';
import { parseInstant } from '../src/trt/values.js';
import { fixture } from './helpers.js';

const failure = (path: string) => {
  try {
    parseTrt(fixture(path));
  } catch (error) {
    return error as TrtFormatError;
  }
  throw new Error(`${path} parsed`);
};

describe('TRT reader: trt/parse-only fixtures', () => {
  it('TDSReport.sample.common.xml: 27 examinee entries, 14 scores, alias SSID, trait condition code, taName', () => {
    const trt = parseTrt(fixture('trt/parse-only/TDSReport.sample.common.xml'));
    expect(trt.test.academicYear).toBe('2014');
    expect(trt.examinee.entries).toHaveLength(27);
    expect(trt.scores).toHaveLength(14);
    expect(new Date(parseInstant(trt.opportunity.startDate) as string).toISOString()).toBe('2014-04-14T10:49:08.437Z');
    expect(trt.opportunity.taName).toBe('Ringnell, Brandi');
    expect(trt.scores.find((s) => s.measureOf === 'Overall' && s.measureLabel === 'PerformanceLevel')?.value).toBe('2');
    expect(trt.scores.find((s) => s.measureOf === 'SOCK_ARGU_ORG')?.conditionCode).toBe('semiprofessionalized');
    expect(bestEntry(trt.examinee.entries, 'attribute', 'StudentIdentifier')?.value).toBe('CA-9999999598');
    // SchoolID is not SchoolId: names are case-sensitive
    expect(bestEntry(trt.examinee.entries, 'relationship', 'SchoolId')).toBeUndefined();
  });

  it('TDSReport.timezone.common.xml: explicit offsets give the same instant', () => {
    const trt = parseTrt(fixture('trt/parse-only/TDSReport.timezone.common.xml'));
    expect(new Date(parseInstant(trt.opportunity.statusDate) as string).toISOString()).toBe('2014-04-14T16:13:40.900Z');
    expect(new Date(parseInstant(trt.opportunity.dateCompleted) as string).toISOString()).toBe('2014-04-14T16:13:40.900Z');
  });

  it('TDSReport.minimal.common.xml: XSD defaults applied (mode online, status scored, validity valid)', () => {
    const trt = parseTrt(fixture('trt/parse-only/TDSReport.minimal.common.xml'));
    expect(trt.test.grade).toBe('7');
    expect(trt.test.mode).toBe('online');
    expect(trt.opportunity.status).toBe('scored');
    expect(trt.opportunity.validity).toBe('valid');
  });

  it('no offset means UTC; fractions of any length', () => {
    expect(new Date(parseInstant('2016-10-13T02:32:24.972') as string).toISOString()).toBe('2016-10-13T02:32:24.972Z');
    expect(parseInstant('2018-05-01T08:50:00.000000')).toBe('2018-05-01T08:50:00.000000Z');
    expect(parseInstant('not a date')).toBeUndefined();
  });
});

describe('TRT reader: malformed and schema-invalid files are format errors with line and column', () => {
  it('TDSReport.bad.common.xml (not well-formed) fails with a position', () => {
    const e = failure('trt/invalid/TDSReport.bad.common.xml');
    expect(e).toBeInstanceOf(TrtFormatError);
    expect(e.line).toBeGreaterThan(0);
    expect(e.message).toMatch(/^line \d+, column \d+: /);
  });

  it('TDSReport.invalid.common.xml: NotARealElement where Examinee is expected', () => {
    const e = failure('trt/invalid/TDSReport.invalid.common.xml');
    expect(e.message).toContain('element <NotARealElement> is not allowed here; expected <Examinee>');
    expect(e.line).toBe(6);
  });

  it('NULL-fields.xml: empty enumeration values are schema errors', () => {
    expect(failure('trt/invalid/NULL-fields.xml').message).toContain('Opportunity@administrationCondition = ""');
  });

  it('TDSReport.no-examinee.xml: missing Examinee', () => {
    expect(failure('trt/invalid/TDSReport.no-examinee.xml').message).toContain('expected <Examinee>');
  });

  it('a truncated file is reported, not half-read', () => {
    const bytes = fixture('trt/valid/TDSReport.iab.sample.xml');
    const e = (() => {
      try {
        readTrt(bytes.subarray(0, Math.floor(bytes.length / 2)));
      } catch (error) {
        return error as TrtFormatError;
      }
    })();
    expect(e?.message).toMatch(/not well-formed XML: unclosed tag/);
  });

  it('unknown attributes, wrong types and text in element-only content are rejected', () => {
    const base = fixture('trt/parse-only/TDSReport.minimal.common.xml').toString('utf8');
    expect(() => parseTrt(Buffer.from(base.replace('<Test ', '<Test color="red" ')))).toThrow(/attribute "color" is not allowed on <Test>/);
    expect(() => parseTrt(Buffer.from(base.replace(/academicYear="\d+"/, 'academicYear="twenty"')))).toThrow(
      /Test@academicYear = "twenty" is not an unsigned integer/,
    );
    expect(() => parseTrt(Buffer.from(base.replace('<Examinee', 'stray text<Examinee')))).toThrow(/text is not allowed inside <TDSReport>/);
  });

  it('wrong encoding: Latin-1 bytes without a declaration are an error with the byte offset; with a declaration they are read', () => {
    const xml = fixture('trt/parse-only/TDSReport.minimal.common.xml')
      .toString('utf8')
      .replace(/<\?xml[^>]*\?>\s*/, '');
    const latin = Buffer.from(xml.replace('<TDSReport>', '<TDSReport><!-- caf\u00e9 -->'), 'latin1');
    expect(() => parseTrt(latin)).toThrow(/wrong encoding: the file is not valid UTF-8: invalid byte 0xE9 at byte offset \d+ \(line 1\)/);
    const declared = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?>\n'), latin]);
    expect(parseTrt(declared).test.grade).toBe('7');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
    expect(parseTrt(utf16).test.grade).toBe('7');
  });
});

describe('examinee rules (formats.md §3.3)', () => {
  it('first FINAL wins, else the last INITIAL', () => {
    const e = (context: 'INITIAL' | 'FINAL', value: string) => ({ kind: 'attribute' as const, context, name: 'Sex', value });
    expect(bestEntry([e('INITIAL', 'a'), e('FINAL', 'b'), e('FINAL', 'c'), e('INITIAL', 'd')], 'attribute', 'Sex')?.value).toBe('b');
    expect(bestEntry([e('INITIAL', 'a'), e('INITIAL', 'd')], 'attribute', 'Sex')?.value).toBe('d');
  });

  it('TDSReport.iab.basic.errors.xml: the examinee errors RDW lists, in order', () => {
    const errors = new ErrorCollector();
    readExaminee(readTrt(fixture('trt/invalid/TDSReport.iab.basic.errors.xml')), errors);
    const names = errors.messages.map((m) => m.elementName);
    expect(names.slice(0, 6)).toEqual(['isDemo', 'FirstName', 'LastOrSurname', 'StudentIdentifier', 'Birthdate', 'Sex']);
    const byName = new Map(errors.messages.map((m) => [m.elementName, m]));
    expect(byName.get('Birthdate')?.error).toBe('invalid date [bad data], use format YYYY-MM-DD');
    expect(byName.get('Sex')?.error).toBe('unknown gender code [bad data]');
    expect(byName.get('LanguageCode')?.error).toBe('unknown language code [bad data]');
    expect(byName.get('MilitaryConnectedStudentIndicator')?.error).toBe('unknown military connected code [bad data]');
    expect(byName.get('GradeLevelWhenAssessed')?.error).toBe('unknown grade code [bad data]');
    expect(byName.get('EnglishLanguageAcquisitionStatus')?.error).toBe('unknown elas code [bad data]');
    for (const n of ['IDEAIndicator', 'Section504Status', 'EconomicDisadvantageStatus', 'MigrantStatus', 'LEPStatus', 'White', 'Asian']) {
      expect(byName.get(n)?.error).toBe('invalid value [bad data]');
    }
    for (const n of [
      'FirstEntryDateIntoUSSchool',
      'LimitedEnglishProficiencyEntryDate',
      'LEPExitDate',
      'EnglishLanguageAcquisitionStatusStartDate',
    ]) {
      expect(byName.get(n)?.error).toMatch(/^invalid date \[/);
    }
  });

  it('TDSReport.iab.emptyDataElements.xml: blank required values keep value ""', () => {
    const errors = new ErrorCollector();
    readExaminee(readTrt(fixture('trt/invalid/TDSReport.iab.emptyDataElements.xml')), errors);
    expect(errors.messages).toEqual([
      { elementName: 'isDemo', value: 'true', error: 'demo students are not supported' },
      { elementName: 'FirstName', value: '', error: 'value may not be blank' },
      { elementName: 'LastOrSurname', value: '', error: 'value may not be blank' },
      { elementName: 'StudentIdentifier', value: '', error: 'value may not be blank' },
      { elementName: 'Birthdate', value: '', error: 'value may not be blank' },
      { elementName: 'Sex', value: '', error: 'value may not be blank' },
      { elementName: 'IDEAIndicator', value: '', error: 'invalid value []' },
      { elementName: 'EconomicDisadvantageStatus', value: '', error: 'invalid value []' },
      { elementName: 'GradeLevelWhenAssessed', value: '', error: 'value may not be blank' },
    ]);
  });
});

describe('ExternalVendor transform hook', () => {
  it('is pure: fixes bank keys, pads SchoolId, renames BenchmarkScore, leaves its input untouched', () => {
    const trt = readTrt(fixture('trt/valid/TDSReport-external-vendor.xml'));
    const before = JSON.stringify(trt);
    const out = EXTERNAL_VENDOR.apply(trt);
    expect(JSON.stringify(trt)).toBe(before);
    expect(out.test.bankKey).toBe('200');
    expect(out.items.every((i) => i.attrs.bankKey === '200')).toBe(true);
    expect(trt.items.filter((i) => i.attrs.bankKey === '10200')).toHaveLength(3);
    expect(bestEntry(out.examinee.entries, 'relationship', 'SchoolId')?.value).toBe('00900010000001');
    expect(out.scores.some((s) => s.measureLabel === 'BenchmarkScore')).toBe(false);
    expect(trt.scores.filter((s) => s.measureLabel === 'BenchmarkScore')).toHaveLength(4);
  });
});
