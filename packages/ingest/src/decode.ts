import { TextDecoder } from 'node:util';
/**
 * Bytes → text for XML payloads, chunk by chunk. The encoding comes from a byte-order mark or the
 * XML declaration (UTF-8 when neither says otherwise); invalid UTF-8 is an error with its byte
 * offset and line, never silently replaced.
 */
export class EncodingError extends Error {
  override readonly name = 'EncodingError';
}

const LATIN = new Set(['iso-8859-1', 'latin1', 'latin-1', 'iso8859-1', 'l1', 'windows-1252', 'cp1252', 'us-ascii', 'ascii']);

function declaredEncoding(head: Uint8Array): string | undefined {
  const text = Buffer.from(head.subarray(0, 200)).toString('latin1');
  const decl = /^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(text);
  return decl?.[1]?.toLowerCase();
}

/** WHATWG label for the payload, plus how many leading bytes (a BOM) to skip. */
export function detectEncoding(head: Uint8Array): { label: string; skip: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { label: 'utf-8', skip: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { label: 'utf-16le', skip: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { label: 'utf-16be', skip: 2 };
  if (head[0] === 0x3c && head[1] === 0x00 && head[2] === 0x3f && head[3] === 0x00) return { label: 'utf-16le', skip: 0 };
  if (head[0] === 0x00 && head[1] === 0x3c && head[2] === 0x00 && head[3] === 0x3f) return { label: 'utf-16be', skip: 0 };
  const declared = declaredEncoding(head);
  if (!declared || declared === 'utf-8' || declared === 'utf8') return { label: 'utf-8', skip: 0 };
  if (LATIN.has(declared)) return { label: 'windows-1252', skip: 0 };
  if (declared.startsWith('utf-16')) {
    throw new EncodingError(`the XML declaration says ${declared} but the file has no UTF-16 byte-order mark and is not UTF-16`);
  }
  try {
    new TextDecoder(declared);
  } catch {
    throw new EncodingError(`unsupported encoding "${declared}" in the XML declaration (use UTF-8)`);
  }
  return { label: declared, skip: 0 };
}

/** Offset of the first byte that breaks UTF-8 in buf, or -1. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i] as number;
    let need = 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    if (i + need >= buf.length) return i; // truncated sequence at the end
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k] as number;
      if ((c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

function countNewlines(buf: Uint8Array, end: number): number {
  const view = Buffer.from(buf.buffer, buf.byteOffset, end);
  let n = 0;
  let at = view.indexOf(0x0a);
  while (at !== -1) {
    n++;
    at = view.indexOf(0x0a, at + 1);
  }
  return n;
}

/** Streaming decoder; feed chunks in order, then call end(). */
export class PayloadDecoder {
  private decoder: TextDecoder | undefined;
  private label = 'utf-8';
  private offset = 0;
  private lines = 0;
  private pending: Buffer | undefined;

  get encoding(): string {
    return this.label;
  }

  write(chunk: Uint8Array): string {
    let bytes = chunk;
    if (!this.decoder) {
      // Need a few bytes to see a BOM or the declaration.
      const joined: Uint8Array = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
      if (joined.length < 200 && chunk.length > 0) {
        this.pending = Buffer.from(joined);
        return '';
      }
      this.pending = undefined;
      const { label, skip } = detectEncoding(joined);
      this.label = label;
      this.decoder = new TextDecoder(label, { fatal: true });
      bytes = joined.subarray(skip);
      this.offset = skip;
    }
    return this.decode(bytes, true);
  }

  end(): string {
    if (!this.decoder) {
      const joined = this.pending ?? Buffer.alloc(0);
      this.pending = undefined;
      const { label, skip } = detectEncoding(joined);
      this.label = label;
      this.decoder = new TextDecoder(label, { fatal: true });
      const text = this.decode(joined.subarray(skip), true);
      return text + this.decode(new Uint8Array(0), false);
    }
    return this.decode(new Uint8Array(0), false);
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    const decoder = this.decoder as TextDecoder;
    try {
      const text = decoder.decode(bytes, { stream });
      if (this.label === 'utf-8') this.lines += countNewlines(bytes, bytes.length);
      this.offset += bytes.length;
      return text;
    } catch {
      if (this.label !== 'utf-8') throw new EncodingError(`the file is not valid ${this.label}`);
      const bad = firstInvalidUtf8(bytes);
      const at = bad === -1 ? bytes.length : bad;
      const line = this.lines + countNewlines(bytes, at) + 1;
      throw new EncodingError(
        `the file is not valid UTF-8: invalid byte 0x${(bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0')} at byte offset ${this.offset + at} (line ${line}); send UTF-8 or declare the encoding in the XML declaration`,
      );
    }
  }
}
