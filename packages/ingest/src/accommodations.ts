import type { Database } from '@cers/db';
import { type Kysely, sql } from 'kysely';
import type { ProcessContext } from './processors.js';
import { ErrorCollector, type Outcome } from './statuses.js';
import { child, children, childText, parseXmlTree, type XmlElement, XmlFormatError } from './xml-tree.js';

/**
 * CODES (formats.md §10): the Accessibility XML's selection codes with their labels per language.
 * TRT Accommodation@code values are matched against these. Problems are BAD_DATA.
 */
export async function importAccommodations(db: Kysely<Database>, bytes: Buffer, _ctx: ProcessContext): Promise<Outcome> {
  let root: XmlElement;
  try {
    root = parseXmlTree(bytes);
  } catch (error) {
    if (error instanceof XmlFormatError) return { status: 'BAD_DATA', message: error.message };
    throw error;
  }
  const errors = new ErrorCollector();
  if (root.name !== 'Accessibility') return { status: 'BAD_DATA', message: `the root element must be <Accessibility>, not <${root.name}>` };
  const yearText = root.attrs.schoolYear?.trim();
  const schoolYear = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : null;
  if (yearText && schoolYear === null) errors.add('schoolYear', yearText, 'invalid year');
  const codes = new Map<string, Record<string, string>>();
  for (const family of children(root, 'MasterResourceFamily')) {
    for (const resource of family.children) {
      for (const selection of children(resource, 'Selection')) {
        const code = childText(selection, 'Code');
        if (code === '') {
          errors.add(`${childText(resource, 'Code')} Selection Code`, undefined, 'value may not be blank');
          continue;
        }
        const labels = codes.get(code) ?? {};
        for (const t of children(selection, 'Text')) {
          const language = childText(t, 'Language');
          const label = child(t, 'Label')?.text.trim() ?? '';
          if (language.length > 3) errors.add(`${code} Language`, language, 'string is too long, max length is 3');
          else if (label.length > 60) errors.add(`${code} Label`, label, 'string is too long, max length is 60');
          else if (language) labels[language] = label;
        }
        codes.set(code, labels);
      }
    }
  }
  if (!errors.ok) return { status: 'BAD_DATA', message: errors.toJson() };
  const list = [...codes.entries()];
  if (list.length > 0) {
    await sql`insert into accommodations (code, school_year, labels)
      select c, ${schoolYear}::int, l::jsonb from unnest(${list.map(([c]) => c)}::text[], ${list.map(([, l]) => JSON.stringify(l))}::text[]) as t(c, l)
      on conflict (code) do update set school_year = excluded.school_year, labels = accommodations.labels || excluded.labels`.execute(db);
  }
  return { status: 'PROCESSED', message: `Accommodations processed: ${list.length}` };
}
