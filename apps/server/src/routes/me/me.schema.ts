import { PERMISSIONS } from '@cers/domain';
import { z } from 'zod';

export const MeSchema = z.object({
  user: z.object({ id: z.number(), login: z.string(), displayName: z.string(), isSandbox: z.boolean() }),
  roles: z.array(
    z.object({
      role: z.string(),
      label: z.string(),
      orgType: z.enum(['state', 'district', 'school']),
      orgId: z.number(),
      orgName: z.string(),
    }),
  ),
  permissions: z.array(z.enum(PERMISSIONS)),
  /** True when the user can open individual results through groups only (teacher roles). */
  teacherOnly: z.boolean(),
  csrfToken: z.string(),
  /** Idle timeout: the session ends at expiresAt unless a request comes first. */
  session: z.object({ expiresAt: z.string(), idleMinutes: z.number() }),
});
export type Me = z.infer<typeof MeSchema>;

export const ErrorSchema = z.object({ error: z.string(), message: z.string(), details: z.unknown().optional() });
