import { z } from 'zod';

export const SandboxPersonaSchema = z.object({
  key: z.string(),
  /** "Teacher: Sample Elementary School" (user documents). */
  label: z.string(),
  role: z.string(),
  roleLabel: z.string(),
  /** What the role sees, one sentence. */
  description: z.string(),
});

export const SandboxPersonasSchema = z.object({ personas: z.array(SandboxPersonaSchema) });

export const EnterSandboxBodySchema = z.object({
  persona: z.string().trim().min(1, 'Select a role.').max(64),
});
