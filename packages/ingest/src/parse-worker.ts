import { parentPort } from 'node:worker_threads';
import { md5Hex } from './records.js';
import { processTrtForLoad } from './trt/encode.js';
import { emptyRefData, type RefData } from './trt/refs.js';

/** Worker side of ParsePool: holds the reference data and answers parse batches. */
let ref: RefData = emptyRefData();

type Message =
  | { type: 'ref'; version: number; ref: RefData }
  | { type: 'parse'; seq: number; jobs: { id: number; bytes: Uint8Array; transforms: string[]; digest?: boolean }[] };

parentPort?.on('message', (msg: Message) => {
  if (msg.type === 'ref') {
    ref = msg.ref;
    return;
  }
  try {
    const results = msg.jobs.map((j) => ({
      id: j.id,
      ...(j.digest ? { digest: md5Hex(j.bytes) } : {}),
      result: processTrtForLoad(j.bytes, j.transforms, ref),
    }));
    parentPort?.postMessage({ seq: msg.seq, results });
  } catch (error) {
    parentPort?.postMessage({ seq: msg.seq, error: (error as Error).stack ?? String(error) });
  }
});
