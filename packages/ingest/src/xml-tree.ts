import { SaxesParser } from 'saxes';
import { EncodingError, PayloadDecoder } from './decode.js';

/** A small element tree for configuration files (subjects, accessibility): they are KBs, not GBs. */
export type XmlElement = { name: string; attrs: Record<string, string>; children: XmlElement[]; text: string; line: number };

export class XmlFormatError extends Error {
  override readonly name = 'XmlFormatError';
}

export function parseXmlTree(bytes: Uint8Array): XmlElement {
  const decoder = new PayloadDecoder();
  let source: string;
  try {
    source = decoder.write(bytes) + decoder.end();
  } catch (error) {
    if (error instanceof EncodingError) throw new XmlFormatError(`wrong encoding: ${error.message}`);
    throw error;
  }
  const sax = new SaxesParser({ position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  sax.on('error', (err) => {
    throw new XmlFormatError(`not well-formed XML: ${err.message.replace(/^(\d+):(\d+): /, 'line $1, column $2: ')}`);
  });
  sax.on('opentag', (tag) => {
    const el: XmlElement = {
      name: tag.name,
      attrs: { ...(tag.attributes as Record<string, string>) },
      children: [],
      text: '',
      line: sax.line,
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  sax.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  sax.on('cdata', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  sax.on('closetag', () => {
    stack.pop();
  });
  sax.write(source).close();
  if (!root) throw new XmlFormatError('the file has no root element');
  return root;
}

export const child = (el: XmlElement | undefined, name: string) => el?.children.find((c) => c.name === name);
export const children = (el: XmlElement | undefined, name: string) => el?.children.filter((c) => c.name === name) ?? [];
export const childText = (el: XmlElement | undefined, name: string) => child(el, name)?.text.trim() ?? '';
