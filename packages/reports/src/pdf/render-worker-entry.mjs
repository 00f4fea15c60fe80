// Plain-JS entry of the PDF render worker: registers tsx in this thread, then loads the
// TypeScript worker (Node 20 does not apply the parent's loader hooks to a worker's modules).
import { register } from 'tsx/esm/api';

register();
await import(new URL('./render-worker.ts', import.meta.url).href);
