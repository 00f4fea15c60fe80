import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { detectEncoding, EncodingError, PayloadDecoder } from '../decode.js';
import type { Attrs, Trt, TrtItem } from './model.js';
import { checkSimple, describeType, type ElementSpec, TRT_SCHEMA } from './schema.js';

/** Not well-formed, wrongly encoded or schema-invalid: the file's status is BAD_FORMAT. */
export class TrtFormatError extends Error {
  override readonly name = 'TrtFormatError';
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line === undefined ? message : `line ${line}, column ${column}: ${message}`);
  }
}

type Frame = { name: string; spec: ElementSpec; pos: number; count: number; anyDepth: number };

/** The fast scanner met something it does not handle, or the document is invalid: use saxes. */
class FastPathExit extends Error {}
const FAST_EXIT = new FastPathExit('fast path not applicable');

const EMPTY_TRT = (): Trt => ({
  test: {},
  examinee: { entries: [] },
  opportunity: {},
  accommodations: [],
  scores: [],
  items: [],
});

/**
 * Streaming TRT reader: saxes events are checked against the XSD as data (schema.ts) and folded
 * into a Trt. Memory is bounded by the result, not by the document (no DOM).
 */
export class TrtReader {
  private readonly sax: SaxesParser;
  private readonly decoder = new PayloadDecoder();
  private readonly stack: Frame[] = [];
  private readonly trt = EMPTY_TRT();
  private item: TrtItem | undefined;
  private responseText: string[] | undefined;
  private scoreInfoDepth = 0;
  private sawRoot = false;

  constructor(private readonly fast = false) {
    this.sax = new SaxesParser({ position: true });
    if (fast) return;
    this.sax.on('error', (err) => {
      const m = /^(\d+):(\d+): ([\s\S]*)$/.exec(err.message);
      if (m) throw new TrtFormatError(`not well-formed XML: ${m[3]}`, Number(m[1]), Number(m[2]));
      throw new TrtFormatError(`not well-formed XML: ${err.message}`);
    });
    this.sax.on('doctype', () => this.fail('a DOCTYPE is not allowed in a TRT'));
    this.sax.on('opentag', (tag) => this.open(tag as SaxesTagPlain));
    this.sax.on('closetag', () => this.close());
    this.sax.on('text', (text) => this.text(text));
    this.sax.on('cdata', (text) => this.text(text, true));
  }

  write(chunk: Uint8Array): void {
    let text: string;
    try {
      text = this.decoder.write(chunk);
    } catch (error) {
      throw this.encodingFailure(error);
    }
    if (text.length > 0) this.sax.write(text);
  }

  end(): Trt {
    let text: string;
    try {
      text = this.decoder.end();
    } catch (error) {
      throw this.encodingFailure(error);
    }
    if (text.length > 0) this.sax.write(text);
    this.sax.close();
    if (!this.sawRoot) throw new TrtFormatError('the file is empty or has no root element');
    return this.trt;
  }

  private encodingFailure(error: unknown): Error {
    if (error instanceof EncodingError) return new TrtFormatError(`wrong encoding: ${error.message}`);
    return error as Error;
  }

  private fail(message: string): never {
    if (this.fast) throw FAST_EXIT;
    throw new TrtFormatError(`invalid TRT: ${message}`, this.sax.line, this.sax.column);
  }

  private open(tag: SaxesTagPlain): void {
    const name = tag.name;
    const parent = this.stack[this.stack.length - 1];
    if (!parent) {
      if (name !== 'TDSReport') this.fail(`the root element must be <TDSReport>, not <${name}>`);
      this.sawRoot = true;
    } else if (parent.anyDepth > 0 || parent.spec.content.kind === 'any') {
      this.stack.push({ name, spec: parent.spec, pos: 0, count: 0, anyDepth: parent.anyDepth + 1 });
      return;
    } else {
      this.acceptChild(parent, name);
    }
    const spec = TRT_SCHEMA[name] as ElementSpec;
    const attrs = this.checkAttributes(name, spec, tag.attributes);
    this.stack.push({ name, spec, pos: 0, count: 0, anyDepth: 0 });
    this.collect(name, attrs);
  }

  private acceptChild(parent: Frame, name: string): void {
    const content = parent.spec.content;
    if (content.kind === 'empty') this.fail(`element <${name}> is not allowed inside <${parent.name}>`);
    if (content.kind === 'choice') {
      if (!content.names.includes(name)) {
        this.fail(`element <${name}> is not allowed inside <${parent.name}>; expected ${content.names.map((n) => `<${n}>`).join(' or ')}`);
      }
      return;
    }
    if (content.kind !== 'sequence') return;
    const particles = content.particles;
    while (parent.pos < particles.length) {
      const [pname, min, max] = particles[parent.pos] as readonly [string, number, number];
      if (pname === name) {
        if (parent.count >= max) this.fail(`too many <${name}> elements inside <${parent.name}>`);
        parent.count++;
        return;
      }
      if (parent.count < min) this.fail(`element <${name}> is not allowed here; expected <${pname}>`);
      parent.pos++;
      parent.count = 0;
    }
    this.fail(`element <${name}> is not allowed here inside <${parent.name}>`);
  }

  private checkAttributes(name: string, spec: ElementSpec, given: Record<string, string>): Attrs {
    const attrs: Attrs = {};
    for (const key in given) {
      const value = given[key] as string;
      if (key.startsWith('xmlns') || key.startsWith('xsi:')) continue;
      const a = spec.attrs[key];
      if (!a) this.fail(`attribute "${key}" is not allowed on <${name}>`);
      if (!checkSimple(a.type, value)) this.fail(`attribute ${name}@${key} = "${value}" is not ${describeType(a.type)}`);
      attrs[key] = value;
    }
    for (const key in spec.attrs) {
      if (attrs[key] !== undefined) continue;
      const a = spec.attrs[key] as { required?: boolean; default?: string };
      if (a.required) this.fail(`<${name}> is missing the required attribute "${key}"`);
      if (a.default !== undefined) attrs[key] = a.default;
    }
    return attrs;
  }

  private collect(name: string, a: Attrs): void {
    const trt = this.trt;
    switch (name) {
      case 'Test':
        trt.test = a;
        return;
      case 'Examinee':
        trt.examinee.key = a.key;
        trt.examinee.isDemo = a.isDemo;
        return;
      case 'ExamineeAttribute':
      case 'ExamineeRelationship':
        trt.examinee.entries.push({
          kind: name === 'ExamineeAttribute' ? 'attribute' : 'relationship',
          context: a.context?.trim() === 'FINAL' ? 'FINAL' : 'INITIAL',
          name: a.name as string,
          value: a.value,
          entityKey: a.entityKey,
        });
        return;
      case 'Opportunity':
        trt.opportunity = a;
        return;
      case 'Accommodation':
        trt.accommodations.push({ code: a.code as string, type: a.type as string, value: a.value as string, segment: a.segment as string });
        return;
      case 'Score':
        trt.scores.push({
          measureOf: a.measureOf as string,
          measureLabel: a.measureLabel as string,
          value: a.value as string,
          standardError: a.standardError as string,
          conditionCode: a.conditionCode,
        });
        return;
      case 'Item':
        this.item = { attrs: a, subScores: [] };
        trt.items.push(this.item);
        return;
      case 'Response':
        this.responseText = [];
        if (this.item) this.item.response = { text: '', date: a.date as string, type: (a.type ?? 'value').trim() };
        return;
      case 'ScoreInfo':
        this.scoreInfoDepth++;
        // Item/ScoreInfo/SubScoreList/ScoreInfo: the trait dimensions (first level only).
        if (this.scoreInfoDepth === 2 && this.item) {
          this.item.subScores.push({
            dimension: a.scoreDimension as string,
            scorePoint: a.scorePoint as string,
            scoreStatus: a.scoreStatus as string,
          });
        }
        return;
      default:
        return;
    }
  }

  private text(text: string, cdata = false): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) return; // whitespace outside the root (saxes rejects anything else)
    if (this.responseText && top.name === 'Response') {
      this.responseText.push(text);
      return;
    }
    if (top.spec.mixed || top.anyDepth > 0) return;
    if (cdata || /\S/.test(text)) this.fail(`text is not allowed inside <${top.name}>`);
  }

  private close(): void {
    const frame = this.stack.pop();
    if (!frame) return;
    if (frame.anyDepth > 0) return;
    const content = frame.spec.content;
    if (content.kind === 'sequence') {
      const particles = content.particles;
      for (let i = frame.pos; i < particles.length; i++) {
        const [pname, min] = particles[i] as readonly [string, number, number];
        const have = i === frame.pos ? frame.count : 0;
        if (have < min) this.fail(`<${frame.name}> is incomplete: expected <${pname}>`);
      }
    }
    if (frame.name === 'Response' && this.item?.response && this.responseText) {
      this.item.response.text = this.responseText.join('');
      this.responseText = undefined;
    } else if (frame.name === 'ScoreInfo') {
      this.scoreInfoDepth--;
    } else if (frame.name === 'Item') {
      this.item = undefined;
    }
  }

  /**
   * The fast path over a whole decoded document: a plain scanner for the XML TRTs are made of
   * (elements, attributes, comments, the five predefined and numeric character references, an
   * XML 1.0 declaration), driving the same handlers as saxes. It never decides that a document
   * is bad: anything it does not handle, and every error, exits so the caller re-reads the file
   * with saxes, which gives the message with its line and column. So the outcome of every file is
   * saxes's (test/trt-fast.test.ts checks this on mutated documents).
   */
  scan(text: string): Trt {
    if (!this.fast) throw new Error('scan() is for a fast reader');
    // Characters outside XML 1.0 Char (or any astral one: handled by saxes) end the fast path.
    if (NOT_PLAIN_CHAR.test(text)) throw FAST_EXIT;
    const n = text.length;
    let i = 0;
    if (text.startsWith('<?xml')) {
      XML_DECL.lastIndex = 0;
      const m = XML_DECL.exec(text);
      if (!m) throw FAST_EXIT;
      i = m[0].length;
    }
    const open: string[] = [];
    let closedRoot = false;
    while (i < n) {
      const lt = text.indexOf('<', i);
      const end = lt === -1 ? n : lt;
      if (end > i) {
        if (open.length === 0) {
          if (!ONLY_S.test(text.slice(i, end))) throw FAST_EXIT;
        } else {
          this.text(textContent(text, i, end));
        }
      }
      if (lt === -1) break;
      const c = text.charCodeAt(lt + 1);
      if (c === 0x2f /* / */) {
        const stop = nameEnd(text, lt + 2);
        const top = open[open.length - 1];
        if (top === undefined || stop - lt - 2 !== top.length || !text.startsWith(top, lt + 2)) throw FAST_EXIT;
        let at = stop;
        while (at < n && isS(text.charCodeAt(at))) at++;
        if (text.charCodeAt(at) !== 0x3e /* > */) throw FAST_EXIT;
        open.pop();
        this.close();
        if (open.length === 0) closedRoot = true;
        i = at + 1;
      } else if (c === 0x21 /* ! */) {
        if (!text.startsWith('<!--', lt)) throw FAST_EXIT; // CDATA, DOCTYPE: saxes
        const stop = text.indexOf('-->', lt + 4);
        if (stop === -1) throw FAST_EXIT;
        const body = text.slice(lt + 4, stop);
        if (body.includes('--') || body.endsWith('-')) throw FAST_EXIT;
        i = stop + 3;
      } else {
        if (closedRoot) throw FAST_EXIT; // a second root element
        let at = nameEnd(text, lt + 1);
        const name = text.slice(lt + 1, at);
        const attributes: Record<string, string> = {};
        let selfClosing = false;
        for (;;) {
          const space = at;
          while (at < n && isS(text.charCodeAt(at))) at++;
          const ch = text.charCodeAt(at);
          if (ch === 0x3e /* > */) {
            at++;
            break;
          }
          if (ch === 0x2f /* / */ && text.charCodeAt(at + 1) === 0x3e) {
            selfClosing = true;
            at += 2;
            break;
          }
          if (at === space) throw FAST_EXIT; // attributes must be separated by white space
          const keyEnd = nameEnd(text, at);
          const key = text.slice(at, keyEnd);
          at = keyEnd;
          while (at < n && isS(text.charCodeAt(at))) at++;
          if (text.charCodeAt(at) !== 0x3d /* = */) throw FAST_EXIT;
          at++;
          while (at < n && isS(text.charCodeAt(at))) at++;
          const q = text.charCodeAt(at);
          if (q !== 0x22 && q !== 0x27) throw FAST_EXIT;
          const start = at + 1;
          const stop = text.indexOf(q === 0x22 ? '"' : "'", start);
          if (stop === -1) throw FAST_EXIT;
          if (key === '__proto__' || Object.hasOwn(attributes, key)) throw FAST_EXIT;
          attributes[key] = attributeValue(text, start, stop);
          at = stop + 1;
        }
        this.open({ name, attributes } as SaxesTagPlain);
        if (selfClosing) {
          this.close();
          if (open.length === 0) closedRoot = true;
        } else {
          open.push(name);
        }
        i = at;
      }
    }
    if (open.length > 0 || !this.sawRoot) throw FAST_EXIT;
    return this.trt;
  }
}

// XML 1.0 Char minus the astral planes (left to saxes).
const NOT_PLAIN_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD]/;
const XML_DECL =
  /<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.0\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>/y;
const ONLY_S = /^[ \t\r\n]*$/;
const isNameStart = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a;
const isNameChar = (c: number) => isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;

/** End of the XML name starting at `at` (ASCII names only: others, and no name, go to saxes). */
function nameEnd(text: string, at: number): number {
  if (!isNameStart(text.charCodeAt(at))) throw FAST_EXIT;
  let i = at + 1;
  for (;;) {
    const c = text.charCodeAt(i);
    if (isNameChar(c)) i++;
    else if (c >= 0x80) throw FAST_EXIT;
    else return i;
  }
}
const isS = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const REFERENCE = /&(?:(lt|gt|amp|quot|apos)|#([0-9]+)|#x([0-9A-Fa-f]+));/y;

function charRef(dec: string | undefined, hex: string | undefined): string {
  const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex as string, 16);
  const ok = code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd);
  // Astral references (valid XML) are left to saxes too.
  if (!ok) throw FAST_EXIT;
  return String.fromCharCode(code);
}

/** Replaces the references in raw; the text between them goes through normalize. */
function resolveReferences(raw: string, normalize: (raw: string) => string): string {
  let amp = raw.indexOf('&');
  if (amp === -1) return normalize(raw);
  let out = '';
  let at = 0;
  while (amp !== -1) {
    out += normalize(raw.slice(at, amp));
    REFERENCE.lastIndex = amp;
    const m = REFERENCE.exec(raw);
    if (!m) throw FAST_EXIT;
    out += m[1] !== undefined ? (PREDEFINED[m[1]] as string) : charRef(m[2], m[3]);
    at = REFERENCE.lastIndex;
    amp = raw.indexOf('&', at);
  }
  return out + normalize(raw.slice(at));
}

// Attribute-value normalisation as saxes does it: each literal tab, newline, CR or CR LF is a space.
const normalizeAttribute = (raw: string) => (/[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, ' ') : raw);
// End-of-line handling in character data: CR LF and CR are a newline.
const normalizeText = (raw: string) => (raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw);

function attributeValue(text: string, from: number, to: number): string {
  const raw = text.slice(from, to);
  if (raw.includes('<')) throw FAST_EXIT;
  return resolveReferences(raw, normalizeAttribute);
}

function textContent(text: string, from: number, to: number): string {
  const raw = text.slice(from, to);
  if (raw.includes(']]>')) throw FAST_EXIT;
  return resolveReferences(raw, normalizeText);
}

const FAST_DECODER = new TextDecoder('utf-8', { fatal: true });

/** The fast path for a whole UTF-8 document, or undefined when saxes must read it. */
export function readTrtFast(bytes: Uint8Array): Trt | undefined {
  let text: string;
  try {
    const { label, skip } = detectEncoding(bytes.subarray(0, 200));
    if (label !== 'utf-8') return undefined;
    text = FAST_DECODER.decode(skip > 0 ? bytes.subarray(skip) : bytes);
  } catch {
    return undefined;
  }
  try {
    return new TrtReader(true).scan(text);
  } catch (error) {
    if (error instanceof FastPathExit) return undefined;
    throw error;
  }
}

/** Parses a whole TRT held in memory. */
export function parseTrt(bytes: Uint8Array): Trt {
  const reader = new TrtReader();
  reader.write(bytes);
  return reader.end();
}

/** Parses a TRT from a stream of chunks (files read with createReadStream). */
export async function parseTrtStream(chunks: AsyncIterable<Uint8Array>): Promise<Trt> {
  const reader = new TrtReader();
  for await (const chunk of chunks) reader.write(chunk);
  return reader.end();
}
