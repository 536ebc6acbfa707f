import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import * as oidc from 'openid-client';
import { SchoolRole } from '../../shared/accounts';
import { domainAllowed, type SignInOptions, type SsoRefusal } from '../../shared/sign-in-options';
import type { Database } from '../db/schema';
import { passwordsOn } from '../settings/repository';
import { findUserByEmail, insertUser, setMembership } from './repository';
import { recordAudit } from '../audit/repository';
import { secure, startSession, type AuthEnv } from './session';
import type { SsoConfig } from './sso-config';
import { claimInvite, insertSsoAttempt, openInviteFor, takeSsoAttempt } from './sso-repository';
import { hashToken, newToken } from './tokens';

const SSO_COOKIE = 'lookfor_sso';
const ATTEMPT_MINUTES = 10;
/** No password opens an account made by single sign-on (verifyPassword refuses it). */
const NO_PASSWORD = 'sso-only';

/** What the sign-in screen offers: the SSO button and whether passwords are on. */
export function signInOptionsRoute(db: Kysely<Database>, sso: SsoConfig | null) {
  return async (c: Context) => {
    const body: SignInOptions = {
      sso: sso ? { label: sso.label } : null,
      passwords: await passwordsOn(db),
    };
    return c.json(body);
  };
}

/**
 * OpenID Connect sign-in: the authorization code flow with PKCE, state and nonce.
 * Only a member (an account, or an open invite for that address) whose provider has
 * verified the email signs in; nobody signs themselves up.
 */
export function ssoRoutes(
  db: Kysely<Database>,
  sso: SsoConfig,
  options: { now: () => Date; log: (message: string, error: unknown) => void },
): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();
  const redirectUri = `${sso.publicUrl}/api/auth/sso/callback`;
  let discovered: Promise<oidc.Configuration> | null = null;
  const configuration = () => {
    discovered ??= oidc
      .discovery(
        new URL(sso.issuer),
        sso.clientId,
        sso.clientSecret,
        undefined,
        // A provider on plain http is only for a test or a laptop; production issuers are https.
        new URL(sso.issuer).protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {},
      )
      .catch((error: unknown) => {
        discovered = null;
        throw error;
      });
    return discovered;
  };
  const refuse = (c: Context, why: SsoRefusal) => c.redirect(`/#/signin/sso/${why}`, 302);

  routes.get('/start', async (c) => {
    let config: oidc.Configuration;
    try {
      config = await configuration();
    } catch (error) {
      options.log('single sign-on: the provider could not be reached', error);
      return refuse(c, 'failed');
    }
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const token = newToken();
    const now = options.now();
    await insertSsoAttempt(db, {
      idHash: hashToken(token),
      state,
      nonce,
      codeVerifier,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + ATTEMPT_MINUTES * 60_000).toISOString(),
    });
    setCookie(c, SSO_COOKIE, token, {
      httpOnly: true,
      // Lax: the provider sends the browser back with a top-level GET.
      sameSite: 'Lax',
      secure: secure(c),
      path: '/api/auth/sso',
      maxAge: ATTEMPT_MINUTES * 60,
    });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return c.redirect(url.href, 302);
  });

  routes.get('/callback', async (c) => {
    const token = getCookie(c, SSO_COOKIE);
    deleteCookie(c, SSO_COOKIE, { path: '/api/auth/sso', secure: secure(c) });
    const at = options.now();
    const attempt =
      token && token.length <= 100
        ? await takeSsoAttempt(db, hashToken(token), at.toISOString())
        : null;
    if (!attempt) return refuse(c, 'failed');
    let claims: oidc.IDToken | undefined;
    try {
      const config = await configuration();
      const search = new URL(c.req.url).search;
      const tokens = await oidc.authorizationCodeGrant(config, new URL(`${redirectUri}${search}`), {
        pkceCodeVerifier: attempt.codeVerifier,
        expectedState: attempt.state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (error) {
      options.log('single sign-on: the provider’s answer was refused', error);
      return refuse(c, 'failed');
    }
    const email = typeof claims?.email === 'string' ? claims.email.trim().toLowerCase() : '';
    if (!email || claims?.email_verified !== true) return refuse(c, 'unverified');
    if (!domainAllowed(sso.allowedDomains, email)) return refuse(c, 'domain');
    const user = await findUserByEmail(db, email);
    if (user) {
      if (user.deactivated) return refuse(c, 'deactivated');
      await startSession(c, db, user.id, at);
      return c.redirect('/#/signin/sso/done', 302);
    }
    // Invited but not yet joined: the verified address accepts the invite.
    const name =
      typeof claims?.name === 'string' && claims.name.trim()
        ? claims.name.trim().slice(0, 120)
        : null;
    const userId = await db.transaction().execute(async (trx) => {
      const invite = await openInviteFor(trx, email, at.toISOString());
      if (!invite) return null;
      const id = randomUUID();
      if (!(await claimInvite(trx, invite.token_hash, id, at.toISOString()))) return null;
      await insertUser(trx, {
        id,
        email,
        name: name ?? invite.name ?? email,
        passwordHash: NO_PASSWORD,
        districtAdmin: invite.role === 'district_admin',
        createdAt: at.toISOString(),
      });
      if (invite.school_id && invite.role !== 'district_admin') {
        await setMembership(trx, id, invite.school_id, SchoolRole.parse(invite.role));
      }
      await recordAudit(trx, {
        id: randomUUID(),
        at: at.toISOString(),
        actorId: id,
        action: 'invite.accepted',
        subject: id,
        details: { role: invite.role, schoolId: invite.school_id, via: 'sso' },
      });
      return id;
    });
    if (!userId) return refuse(c, 'unknown');
    await startSession(c, db, userId, at);
    return c.redirect('/#/signin/sso/done', 302);
  });

  return routes;
}
