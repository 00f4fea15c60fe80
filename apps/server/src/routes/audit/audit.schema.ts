import { z } from 'zod';

/** A date (YYYY-MM-DD, a UTC day) or a full ISO date-time with offset (the browser's local day). */
const Instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'Use a date (YYYY-MM-DD) or an ISO date-time',
});

export const AuditQuerySchema = z.object({
  from: Instant.optional(),
  /** Exclusive end; a bare date means "through that day". */
  to: Instant.optional(),
  user: z.string().trim().max(320).optional(),
  ssid: z
    .string()
    .trim()
    .regex(/^\d{10}$/, 'An SSID has 10 digits')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  action: z.string().trim().max(64).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditRowSchema = z.object({
  id: z.number(),
  occurredAt: z.string(),
  userLogin: z.string().nullable(),
  action: z.string(),
  view: z.string().nullable(),
  ssid: z.string().nullable(),
  ip: z.string().nullable(),
});

export const AuditPageSchema = z.object({
  rows: z.array(AuditRowSchema),
  page: z.number(),
  pageSize: z.number(),
  hasMore: z.boolean(),
});
