/** OpenID Connect sign-in, set by the environment; undefined when `OIDC_ISSUER` is unset. */
export interface SsoConfig {
  /** The identity provider's issuer URL; its discovery document is read from there. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Email domains that may sign in this way (lower case); empty: any member's address. */
  allowedDomains: string[];
  /** Shown on the sign-in screen as "Sign in with <label>". */
  label: string;
  /** Where people open Lookfor; the provider sends them back to `<publicUrl>/api/auth/sso/callback`. */
  publicUrl: string;
}

const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

const url = (raw: string) => {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
};

/**
 * SSO is on only with `OIDC_ISSUER`, which then needs the client id and secret and
 * `PUBLIC_URL`; a bad value stops start-up with a message naming the variable.
 */
export function readSso(env: NodeJS.ProcessEnv): SsoConfig | undefined {
  const issuer = (env.OIDC_ISSUER ?? '').trim();
  if (!issuer) return undefined;
  const issuerUrl = url(issuer);
  if (!issuerUrl || !['http:', 'https:'].includes(issuerUrl.protocol)) {
    throw new Error(
      `OIDC_ISSUER must be the provider's issuer URL, like https://accounts.google.com, not "${issuer}"`,
    );
  }
  const clientId = (env.OIDC_CLIENT_ID ?? '').trim();
  const clientSecret = (env.OIDC_CLIENT_SECRET ?? '').trim();
  if (!clientId || !clientSecret) {
    throw new Error('OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required when OIDC_ISSUER is set');
  }
  const allowedDomains = (env.OIDC_ALLOWED_DOMAINS ?? '')
    .split(',')
    .map((d) => d.trim().toLowerCase())
    .filter((d) => d !== '');
  const bad = allowedDomains.find((d) => !DOMAIN.test(d));
  if (bad) {
    throw new Error(
      `OIDC_ALLOWED_DOMAINS must be email domains separated by commas, like district.org,staff.district.org, not "${bad}"`,
    );
  }
  const publicUrl = (env.PUBLIC_URL ?? '').trim().replace(/\/+$/, '');
  const site = url(publicUrl);
  if (!site || !['http:', 'https:'].includes(site.protocol)) {
    throw new Error(
      'PUBLIC_URL must be the address people open Lookfor at (like https://lookfor.district.org) when OIDC_ISSUER is set: the provider sends people back there',
    );
  }
  const label = (env.OIDC_BUTTON_LABEL ?? '').trim().slice(0, 60) || 'single sign-on';
  return { issuer, clientId, clientSecret, allowedDomains, label, publicUrl };
}
