import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { EncodedExam } from './trt/encode.js';
import type { RefData } from './trt/refs.js';
import type { Rejection } from './trt/validate.js';

/** digest: also compute the payload's MD5 (upper-case hex) in the worker. */
export type ParseJob = { id: number; bytes: Uint8Array; transforms: readonly string[]; digest?: boolean };
export type ParseResult = { id: number; digest?: string; result: EncodedExam | Rejection };

type Pending = { resolve: (r: ParseResult[]) => void; reject: (e: Error) => void };
type Slot = { worker: Worker; busy: number; pending: Map<number, Pending>; dead: Error | undefined };

/**
 * Worker bootstrap: registers tsx's loader, then loads the TypeScript worker module. (Node 20
 * ignores `--import tsx` in worker execArgv for the entry module, so the loader is set up here.)
 */
function bootstrap(workerUrl: string): string {
  const tsx = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(workerUrl)}); });`;
}

/**
 * A pool of worker threads that parse and validate TRTs (parse-worker.ts). Work is sent in small
 * batches with the payload buffers transferred, not copied; the reference data is sent once per
 * version. Workers run TypeScript through tsx (docs/adr/0002).
 */
export class ParsePool {
  private readonly slots: Slot[] = [];
  private seq = 0;
  private refVersion = 0;
  private closed = false;

  constructor(size = Math.max(1, Math.min(4, cpus().length))) {
    const code = bootstrap(new URL('./parse-worker.ts', import.meta.url).href);
    for (let i = 0; i < size; i++) {
      // A larger young generation: parsing makes much short-lived garbage, and fewer scavenges
      // copy fewer survivors (measured ~10% less CPU per file than the default).
      const worker = new Worker(code, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 48 } });
      const slot: Slot = { worker, busy: 0, pending: new Map(), dead: undefined };
      worker.on('message', (msg: { seq: number; results?: ParseResult[]; error?: string }) => {
        const p = slot.pending.get(msg.seq);
        if (!p) return;
        slot.pending.delete(msg.seq);
        slot.busy--;
        if (msg.error !== undefined) p.reject(new Error(msg.error));
        else p.resolve(msg.results ?? []);
      });
      const die = (error: Error) => {
        slot.dead = error;
        for (const p of slot.pending.values()) p.reject(error);
        slot.pending.clear();
      };
      worker.on('error', die);
      worker.on('exit', (code) => {
        if (!this.closed) die(new Error(`parse worker exited with code ${code}`));
      });
      this.slots.push(slot);
    }
  }

  get size(): number {
    return this.slots.length;
  }

  /** Sends a new snapshot of the reference data to every worker. */
  setRefData(ref: RefData): void {
    this.refVersion++;
    for (const s of this.slots) s.worker.postMessage({ type: 'ref', version: this.refVersion, ref });
  }

  /** Parses jobs spread over the workers; results come back in the jobs' order. */
  async parse(jobs: readonly ParseJob[]): Promise<ParseResult[]> {
    if (this.closed) throw new Error('parse pool is closed');
    if (jobs.length === 0) return [];
    const per = Math.ceil(jobs.length / this.slots.length);
    const parts: Promise<ParseResult[]>[] = [];
    for (let i = 0; i < jobs.length; i += per) parts.push(this.send(jobs.slice(i, i + per)));
    return (await Promise.all(parts)).flat();
  }

  private send(jobs: ParseJob[]): Promise<ParseResult[]> {
    const alive = this.slots.filter((s) => !s.dead);
    if (alive.length === 0) return Promise.reject(this.slots[0]?.dead ?? new Error('no parse worker is running'));
    const slot = alive.reduce((a, b) => (b.busy < a.busy ? b : a));
    const seq = ++this.seq;
    slot.busy++;
    return new Promise((resolve, reject) => {
      slot.pending.set(seq, { resolve, reject });
      const copies = jobs.map((j) => {
        // Transfer a private copy so the caller's buffer (possibly pooled) stays intact.
        const bytes = new Uint8Array(j.bytes.length);
        bytes.set(j.bytes);
        return { id: j.id, bytes, transforms: [...j.transforms], digest: j.digest === true };
      });
      slot.worker.postMessage(
        { type: 'parse', seq, jobs: copies },
        copies.map((c) => c.bytes.buffer as ArrayBuffer),
      );
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
