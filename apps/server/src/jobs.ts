import type { JobDefinition } from '@cers/jobs';
import type { z } from 'zod';
import type { AppContext } from './context.js';

/** Every background job this server runs (imports, printable reports, ...). */
export function jobDefinitions(_ctx: AppContext): JobDefinition<z.ZodType>[] {
  return [];
}
