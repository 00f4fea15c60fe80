import { PASSWORD_POLICY } from '@cers/domain';
import { z } from 'zod';

export const LoginBodySchema = z.object({
  login: z.string().trim().min(1, 'Enter your email address.').max(320, 'The email address is too long.'),
  password: z.string().min(1, 'Enter your password.').max(1024, 'The password is too long.'),
});

export const ResetPasswordBodySchema = z.object({
  token: z.string().min(20, 'The reset token is incomplete. Copy the whole link.').max(200),
  newPassword: z
    .string()
    .min(1, 'Enter a new password.')
    .max(PASSWORD_POLICY.maxLength * 4),
});

export const SignInOptionsSchema = z.object({
  password: z.boolean(),
  /** Single sign-on through the configured OpenID Connect provider. */
  oidc: z.object({ enabled: z.boolean(), loginUrl: z.string() }),
  sandbox: z.boolean(),
  passwordPolicy: z.object({ minLength: z.number(), maxLength: z.number() }),
});
