/**
 * Joins tagged PDFs written by our pdfkit renderer into one tagged PDF, so render workers can
 * produce chunks in parallel (docs/adr: PDF approach). It relies on pdfkit's output shape — one
 * classic xref table, one flat page tree, a StructTreeRoot whose ParentTree is inline — and is
 * not a general PDF merger: mergePdfs() rejects anything else.
 *
 * Objects are copied byte for byte (streams untouched); only indirect references, each page's
 * /Parent and /StructParents, and each part's root structure element are rewritten. The result
 * has one Pages node, one Document structure element holding every part, one ParentTree.
 */

type PdfObject = { num: number; body: string; stream: Buffer | null };
type ParsedPdf = {
  objects: Map<number, PdfObject>;
  size: number;
  root: number;
  info: number | null;
  pages: number;
  kids: number[];
  structRoot: number | null;
  structDocument: number | null;
  /** ParentTree entries: key → array text (e.g. "[13 0 R 15 0 R]"). */
  parentTree: { key: number; value: string }[];
};

function fail(message: string): never {
  throw new Error(`mergePdfs: ${message}`);
}

function refIn(body: string, key: string): number | null {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(body);
  return m ? Number(m[1]) : null;
}

/** Skips a PDF value starting at i (after whitespace); returns the index after it. */
function skipValue(text: string, start: number): number {
  let i = start;
  let depth = 0;
  do {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
    const ch = text[i];
    if (ch === undefined) fail('unexpected end of object');
    if (ch === '<' && text[i + 1] === '<') {
      depth++;
      i += 2;
    } else if (ch === '>' && text[i + 1] === '>') {
      depth--;
      i += 2;
    } else if (ch === '[') {
      depth++;
      i++;
    } else if (ch === ']') {
      depth--;
      i++;
    } else if (ch === '(') {
      i++;
      let nest = 1;
      while (nest > 0) {
        const c = text[i];
        if (c === undefined) fail('unterminated string');
        if (c === '\\') i += 2;
        else {
          if (c === '(') nest++;
          else if (c === ')') nest--;
          i++;
        }
      }
    } else if (ch === '<') {
      i = text.indexOf('>', i) + 1;
      if (i === 0) fail('unterminated hex string');
    } else {
      // name, number, keyword or reference token
      i++;
      while (i < text.length && !/[\s/<>[\]()]/.test(text[i] as string)) i++;
    }
  } while (depth > 0);
  return i;
}

function parsePdf(buf: Buffer): ParsedPdf {
  const text = buf.toString('latin1');
  const sx = text.lastIndexOf('startxref');
  if (sx < 0) fail('no startxref');
  const xrefAt = Number(/startxref\s+(\d+)/.exec(text.slice(sx))?.[1]);
  if (!text.startsWith('xref', xrefAt)) fail('only classic xref tables are supported');
  const head = /xref\s+0\s+(\d+)\s+/.exec(text.slice(xrefAt, xrefAt + 40));
  if (!head) fail('unsupported xref layout');
  const size = Number(head[1]);
  const entriesAt = xrefAt + head[0].length;
  const trailerAt = text.indexOf('trailer', entriesAt);
  const trailer = text.slice(trailerAt, sx);
  const root = refIn(trailer, 'Root') ?? fail('no /Root');
  const info = refIn(trailer, 'Info');
  const objects = new Map<number, PdfObject>();
  const entries = text
    .slice(entriesAt, trailerAt)
    .trim()
    .split(/\s*\n\s*/);
  if (entries.length !== size) fail('xref size mismatch');
  for (let num = 1; num < size; num++) {
    const entry = entries[num] ?? '';
    if (!entry.endsWith('n')) continue;
    const offset = Number(entry.slice(0, 10));
    const header = `${num} 0 obj`;
    if (!text.startsWith(header, offset)) fail(`object ${num} not at its offset`);
    const bodyStart = offset + header.length + 1;
    // pdfkit escapes newlines inside strings, so "\nendobj" / "\nstream\n" only occur as keywords
    // (a stream's binary data comes after its "stream" keyword, so it cannot fool the test).
    const end = text.indexOf('\nendobj', bodyStart);
    if (end < 0) fail(`object ${num} has no endobj`);
    // Stream dictionaries are short: look for the keyword in a bounded window only.
    const window = text.slice(bodyStart, Math.min(end, bodyStart + 4096));
    const inWindow = window.indexOf('\nstream\n');
    const streamAt = inWindow < 0 ? -1 : bodyStart + inWindow;
    if (streamAt >= 0) {
      const body = text.slice(bodyStart, streamAt);
      const lengths = [...body.matchAll(/\/Length\s+(\d+)/g)];
      const length = Number(lengths.at(-1)?.[1] ?? fail(`stream ${num} has no /Length`));
      const dataAt = streamAt + '\nstream\n'.length;
      objects.set(num, { num, body, stream: buf.subarray(dataAt, dataAt + length) });
    } else {
      objects.set(num, { num, body: text.slice(bodyStart, end), stream: null });
    }
  }
  const catalog = objects.get(root)?.body ?? fail('no catalog');
  const pages = refIn(catalog, 'Pages') ?? fail('no /Pages');
  const pagesBody = objects.get(pages)?.body ?? fail('no pages node');
  const kidsText = /\/Kids\s*\[([^\]]*)\]/.exec(pagesBody)?.[1] ?? fail('no /Kids');
  const kids = [...kidsText.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
  for (const kid of kids) {
    if (/\/Type\s*\/Pages/.test(objects.get(kid)?.body ?? '')) fail('nested page trees are not supported');
  }
  const structRoot = refIn(catalog, 'StructTreeRoot');
  let structDocument: number | null = null;
  const parentTree: { key: number; value: string }[] = [];
  if (structRoot !== null) {
    const body = objects.get(structRoot)?.body ?? fail('no StructTreeRoot');
    const k = /\/K\s*\[\s*(\d+) 0 R\s*\]/.exec(body) ?? /\/K\s+(\d+) 0 R/.exec(body);
    structDocument = k ? Number(k[1]) : null;
    const numsAt = body.indexOf('/Nums');
    if (numsAt >= 0) {
      let i = body.indexOf('[', numsAt) + 1;
      for (;;) {
        while (/\s/.test(body[i] as string)) i++;
        if (body[i] === ']') break;
        const keyMatch = /^(\d+)/.exec(body.slice(i));
        if (!keyMatch) fail('bad ParentTree key');
        i += keyMatch[0].length;
        while (/\s/.test(body[i] as string)) i++;
        const end = skipValue(body, i);
        parentTree.push({ key: Number(keyMatch[1]), value: body.slice(i, end) });
        i = end;
      }
    }
  }
  return { objects, size, root, info, pages, kids, structRoot, structDocument, parentTree };
}

const ANY_REF = /\((?:\\[\s\S]|[^\\()])*\)|<[0-9A-Fa-f\s]*>|(\d+) 0 R/g;

function renumber(body: string, base: number): string {
  return body.replace(ANY_REF, (match, num: string | undefined) => (num === undefined ? match : `${Number(num) + base} 0 R`));
}

function hexUtf16(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

function xmlEscape(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function xmp(title: string, lang: string): Buffer {
  const x = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(title)}</rdf:li></rdf:Alt></dc:title>
<dc:language><rdf:Bag><rdf:li>${xmlEscape(lang)}</rdf:li></rdf:Bag></dc:language>
<pdf:Producer>CERS</pdf:Producer>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`;
  return Buffer.from(x, 'utf8');
}

export type MergeOptions = { title: string; lang: string; author?: string };

/** Merges pdfkit-written PDFs (in order) into one; a single input is still rewritten with the new title. */
export function mergePdfs(parts: readonly Buffer[], options: MergeOptions): Buffer {
  if (parts.length === 0) fail('nothing to merge');
  const parsed = parts.map(parsePdf);
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let position = 0;
  // Text is gathered as latin1 strings (one byte per char) and turned into a Buffer only before
  // each stream: far fewer allocations than one Buffer per object.
  let pending: string[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    chunks.push(Buffer.from(pending.join(''), 'latin1'));
    pending = [];
  };
  const write = (b: Buffer | string) => {
    if (typeof b === 'string') {
      pending.push(b);
      position += b.length;
      return;
    }
    flush();
    chunks.push(b);
    position += b.length;
  };
  const total = parsed.reduce((n, p) => n + p.size, 0);
  const pagesRef = total;
  const structRootRef = total + 1;
  const documentRef = total + 2;
  const catalogRef = total + 3;
  const infoRef = total + 4;
  const metadataRef = total + 5;
  const size = total + 6;
  const writeObject = (num: number, body: string, stream: Buffer | null) => {
    offsets[num] = position;
    write(`${num} 0 obj\n${body}\n`);
    if (stream) {
      write('stream\n');
      write(stream);
      write('\nendstream\n');
    }
    write('endobj\n');
  };

  write('%PDF-1.7\n%\xff\xff\xff\xff\n');
  const kids: number[] = [];
  const parts_: number[] = [];
  const nums: string[] = [];
  let base = 0;
  let structKeyBase = 0;
  for (const p of parsed) {
    const skip = new Set([p.root, p.pages, ...(p.structRoot !== null ? [p.structRoot] : [])]);
    const kidSet = new Set(p.kids);
    let maxKey = -1;
    for (const entry of p.parentTree) {
      nums.push(`${entry.key + structKeyBase} ${renumber(entry.value, base)}`);
      maxKey = Math.max(maxKey, entry.key);
    }
    for (const obj of p.objects.values()) {
      if (skip.has(obj.num)) continue;
      let body = renumber(obj.body, base);
      if (kidSet.has(obj.num)) {
        body = body.replace(/\/Parent\s+\d+ 0 R/, `/Parent ${pagesRef} 0 R`);
        body = body.replace(/\/StructParents\s+(\d+)/, (_m, n: string) => `/StructParents ${Number(n) + structKeyBase}`);
      }
      if (obj.num === p.structDocument) {
        body = body.replace(/\/S\s*\/Document/, '/S /Part').replace(/\/P\s+\d+ 0 R/, `/P ${documentRef} 0 R`);
      }
      writeObject(obj.num + base, body, obj.stream);
    }
    kids.push(...p.kids.map((k) => k + base));
    if (p.structDocument !== null) parts_.push(p.structDocument + base);
    structKeyBase += maxKey + 1;
    base += p.size;
  }
  const refs = (list: number[]) => list.map((n) => `${n} 0 R`).join(' ');
  writeObject(pagesRef, `<<\n/Type /Pages\n/Count ${kids.length}\n/Kids [${refs(kids)}]\n>>`, null);
  writeObject(
    structRootRef,
    `<<\n/Type /StructTreeRoot\n/ParentTree <<\n/Limits [0 ${Math.max(0, structKeyBase - 1)}]\n/Nums [\n${nums.join('\n')}\n]\n>>\n/ParentTreeNextKey ${structKeyBase}\n/K [${documentRef} 0 R]\n>>`,
    null,
  );
  writeObject(documentRef, `<<\n/S /Document\n/P ${structRootRef} 0 R\n/K [${refs(parts_)}]\n>>`, null);
  const meta = xmp(options.title, options.lang);
  writeObject(metadataRef, `<<\n/Type /Metadata\n/Subtype /XML\n/Length ${meta.length}\n>>`, meta);
  writeObject(
    catalogRef,
    `<<\n/Type /Catalog\n/Pages ${pagesRef} 0 R\n/Lang (${options.lang})\n/MarkInfo <<\n/Marked true\n>>\n/StructTreeRoot ${structRootRef} 0 R\n/ViewerPreferences <<\n/DisplayDocTitle true\n>>\n/Metadata ${metadataRef} 0 R\n>>`,
    null,
  );
  writeObject(
    infoRef,
    `<<\n/Title ${hexUtf16(options.title)}\n/Author ${hexUtf16(options.author ?? 'CERS')}\n/Producer (CERS)\n/Creator (CERS)\n>>`,
    null,
  );
  const xrefAt = position;
  const xref: string[] = [`xref\n0 ${size}\n0000000000 65535 f \n`];
  for (let n = 1; n < size; n++) {
    const at = offsets[n];
    xref.push(at === undefined ? '0000000000 65535 f \n' : `${String(at).padStart(10, '0')} 00000 n \n`);
  }
  write(xref.join(''));
  write(`trailer\n<<\n/Size ${size}\n/Root ${catalogRef} 0 R\n/Info ${infoRef} 0 R\n>>\nstartxref\n${xrefAt}\n%%EOF\n`);
  flush();
  return Buffer.concat(chunks);
}

/** Page count of a pdfkit-written PDF (from its page tree). */
export function pdfPageCount(buf: Buffer): number {
  return parsePdf(buf).kids.length;
}

export const _internal = { parsePdf, renumber };
