import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { EncodingError, PayloadDecoder } from '../decode.js';
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
  private readonly sax = new SaxesParser({ position: true });
  private readonly decoder = new PayloadDecoder();
  private readonly stack: Frame[] = [];
  private readonly trt = EMPTY_TRT();
  private item: TrtItem | undefined;
  private responseText: string[] | undefined;
  private scoreInfoDepth = 0;
  private sawRoot = false;

  constructor() {
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
