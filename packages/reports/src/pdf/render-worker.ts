import { parentPort } from 'node:worker_threads';
import type { IsrModel } from '../isr/isr-model.js';
import { type RenderOptions, renderIsrDocument } from './render-isr.js';

/** Worker-thread entry of the PDF pool: renders one chunk of ISR models per message. */
export type RenderRequest = { id: number; models: IsrModel[]; options: RenderOptions };
export type RenderResponse =
  | { id: number; ok: true; bytes: Uint8Array; pages: number; pageCounts: number[] }
  | { id: number; ok: false; error: string };

const port = parentPort;
if (port) {
  port.on('message', async (request: RenderRequest) => {
    try {
      const result = await renderIsrDocument(request.models, request.options);
      // A fresh, exactly-sized copy so its buffer can be transferred without copying again.
      const bytes = new Uint8Array(result.bytes.length);
      bytes.set(result.bytes);
      const response: RenderResponse = { id: request.id, ok: true, bytes, pages: result.pages, pageCounts: result.pageCounts };
      port.postMessage(response, [bytes.buffer]);
    } catch (error) {
      const response: RenderResponse = { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
      port.postMessage(response);
    }
  });
}
