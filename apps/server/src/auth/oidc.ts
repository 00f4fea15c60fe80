import type { CersDb } from '@cers/db';
import { findUserByOidc, linkOidcByEmail } from '@cers/db';
import * as client from 'openid-client';
import type { Config } from '../config.js';

export type OidcSettings = NonNullable<Config['oidc']>;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The OpenID Connect relying party (authorization code + PKCE, openid-client v6). Discovery runs
 * on first use and is retried after a failure, so a provider that is down at start-up does not
 * stop CERS. Plain http issuers are accepted only on the local machine (development, tests).
 */
export class OidcRelyingParty {
  private discovered: Promise<client.Configuration> | undefined;

  constructor(readonly settings: OidcSettings) {}

  configuration(): Promise<client.Configuration> {
    this.discovered ??= this.discover().catch((error: unknown) => {
      this.discovered = undefined;
      throw error;
    });
    return this.discovered;
  }

  private discover(): Promise<client.Configuration> {
    const issuer = new URL(this.settings.issuer);
    const insecureLocal = issuer.protocol === 'http:' && LOCAL_HOSTS.has(issuer.hostname);
    if (issuer.protocol !== 'https:' && !insecureLocal) {
      return Promise.reject(new Error('OIDC_ISSUER must use https (http is accepted only for localhost)'));
    }
    const auth = this.settings.clientSecret ? client.ClientSecretBasic(this.settings.clientSecret) : client.None();
    return client.discovery(
      issuer,
      this.settings.clientId,
      undefined,
      auth,
      insecureLocal ? { execute: [client.allowInsecureRequests] } : {},
    );
  }

  /** Starts a sign-in: the provider URL and the secrets to keep until the callback. */
  async authorizationRequest(redirectUri: string): Promise<{ url: URL; state: string; nonce: string; codeVerifier: string }> {
    const config = await this.configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, state, nonce, codeVerifier };
  }

  /** Exchanges the code (checking state, nonce, PKCE, issuer) and returns the identity claims. */
  async identity(
    callbackUrl: URL,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<{ issuer: string; subject: string; email: string | undefined; emailVerified: boolean | undefined }> {
    const config = await this.configuration();
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('the provider returned no ID token');
    let profile: Record<string, unknown> = claims;
    // Many providers put e-mail in the UserInfo answer only (ID tokens stay small).
    if (typeof claims.email !== 'string') profile = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    return {
      issuer: claims.iss,
      subject: claims.sub,
      email: typeof profile.email === 'string' ? profile.email : undefined,
      emailVerified: typeof profile.email_verified === 'boolean' ? profile.email_verified : undefined,
    };
  }
}

export type OidcMatch = { ok: true; userId: number } | { ok: false; reason: 'unknown-user' | 'disabled' };

/**
 * Finds the CERS user for an identity: by (issuer, subject), or on first sign-in by e-mail when the
 * provider does not say the address is unverified. Users are provisioned by administrators (roles
 * come from CERS, not from the provider); nobody is created here.
 */
export async function matchOidcUser(
  cers: CersDb,
  identity: { issuer: string; subject: string; email: string | undefined; emailVerified: boolean | undefined },
): Promise<OidcMatch> {
  const linked = await findUserByOidc(cers.db, identity.issuer, identity.subject);
  if (linked) return linked.disabled ? { ok: false, reason: 'disabled' } : { ok: true, userId: linked.id };
  if (!identity.email || identity.emailVerified === false) return { ok: false, reason: 'unknown-user' };
  const userId = await linkOidcByEmail(cers.db, { email: identity.email, issuer: identity.issuer, subject: identity.subject });
  return userId === undefined ? { ok: false, reason: 'unknown-user' } : { ok: true, userId };
}
