import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { IsrModel } from '../isr/isr-model.js';
import type { RenderedPdf, RenderOptions } from './render-isr.js';
import type { RenderRequest, RenderResponse } from './render-worker.js';

/**
 * A pool of worker threads rendering ISR chunks in parallel (pdfkit is synchronous and CPU-bound,
 * so it must leave the event loop). Workers start on first use, are unref'd while idle (they never
 * keep a process alive) and stop after idleMs without work. A crashed worker fails its task and is
 * replaced.
 */
export type PdfPool = {
  readonly size: number;
  render(models: readonly IsrModel[], options: RenderOptions): Promise<RenderedPdf>;
  close(): Promise<void>;
};

export type PdfPoolOptions = { size?: number | undefined; idleMs?: number };

/** PDF_WORKERS when set, else one less than the cores (the main thread builds models), at least 1. */
export function pdfPoolSize(configured?: number | undefined): number {
  if (configured !== undefined && configured >= 1) return Math.floor(configured);
  return Math.max(1, availableParallelism() - 1);
}

// The worker entry is plain JS that registers tsx in its own thread, then loads the TypeScript
// worker (docs/adr/0002-typescript-via-tsx.md; Node 20 does not run a worker's .ts main module
// through loader hooks given in execArgv).
const WORKER_URL = new URL('./render-worker-entry.mjs', import.meta.url);

type Task = {
  request: RenderRequest;
  resolve: (r: RenderedPdf) => void;
  reject: (e: Error) => void;
};
type Slot = { worker: Worker; task: Task | undefined; idleTimer: NodeJS.Timeout | undefined };

export function createPdfPool(options: PdfPoolOptions = {}): PdfPool {
  const size = pdfPoolSize(options.size);
  const idleMs = options.idleMs ?? 30_000;
  const slots: Slot[] = [];
  const queue: Task[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot => {
    const worker = new Worker(WORKER_URL, { execArgv: [] });
    const slot: Slot = { worker, task: undefined, idleTimer: undefined };
    worker.on('message', (response: RenderResponse) => {
      const task = slot.task;
      slot.task = undefined;
      if (task) {
        if (response.ok) {
          task.resolve({
            bytes: Buffer.from(response.bytes.buffer, response.bytes.byteOffset, response.bytes.byteLength),
            pages: response.pages,
            pageCounts: response.pageCounts,
          });
        } else {
          task.reject(new Error(`PDF rendering failed: ${response.error}`));
        }
      }
      dispatch();
    });
    const onDeath = (error: Error) => {
      const index = slots.indexOf(slot);
      if (index >= 0) slots.splice(index, 1);
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      slot.task?.reject(error);
      slot.task = undefined;
      dispatch();
    };
    worker.on('error', onDeath);
    worker.on('exit', (code) => onDeath(new Error(`PDF worker stopped (exit code ${code})`)));
    slots.push(slot);
    return slot;
  };

  const idle = (slot: Slot) => {
    slot.worker.unref();
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = setTimeout(() => {
      if (!slot.task) void slot.worker.terminate();
    }, idleMs);
    slot.idleTimer.unref();
  };

  function dispatch(): void {
    while (queue.length > 0 && !closed) {
      let slot = slots.find((s) => !s.task);
      if (!slot && slots.length < size) slot = spawn();
      if (!slot) return;
      const task = queue.shift() as Task;
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      slot.worker.ref();
      slot.task = task;
      slot.worker.postMessage(task.request);
    }
    for (const s of slots) if (!s.task) idle(s);
  }

  return {
    size,
    render(models, renderOptions) {
      if (closed) return Promise.reject(new Error('The PDF pool is closed.'));
      return new Promise<RenderedPdf>((resolve, reject) => {
        queue.push({ request: { id: nextId++, models: [...models], options: renderOptions }, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const task of queue.splice(0)) task.reject(new Error('The PDF pool is closed.'));
      // Keep the event loop alive until every worker has stopped: terminating unref'd workers
      // alone does not, and `await close()` would never settle.
      const keepAlive = setInterval(() => undefined, 1000);
      try {
        await Promise.all(
          slots.map((s) => {
            if (s.idleTimer) clearTimeout(s.idleTimer);
            return s.worker.terminate();
          }),
        );
      } finally {
        clearInterval(keepAlive);
      }
    },
  };
}
