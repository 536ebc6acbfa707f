import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { SsoConfig } from '../../src/server/auth/sso-config';

/** Where the app under test says it lives; the provider sends browsers back there. */
export const APP_URL = 'http://lookfor.test';
export const CLIENT = { id: 'lookfor', secret: 'lookfor-test-secret' };
/** Another application registered with the same provider: its codes are not ours. */
export const OTHER_CLIENT = { id: 'other-app', secret: 'other-test-secret' };

export interface IdpAccount {
  email: string;
  emailVerified: boolean;
  name?: string;
}

export interface TestIdp {
  issuer: string;
  sso: SsoConfig;
  /** Who signs in at the provider's login step next. */
  signInAs: (account: IdpAccount) => void;
  close: () => Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider) on a free port. Its login step signs in
 * whoever `signInAs` named, and consent is granted at once, as a district's
 * provider does for an application the district set up.
 */
export async function startTestIdp(
  options: {
    allowedDomains?: string[];
    /** Where the app lives (default APP_URL, for tests that drive it without a port). */
    appUrl?: string;
    port?: number;
    /**
     * The provider's own login and consent pages, as a browser sees them: whoever
     * types an address there signs in as that verified address.
     */
    loginPage?: boolean;
  } = {},
): Promise<TestIdp> {
  const appUrl = options.appUrl ?? APP_URL;
  const accounts = new Map<string, IdpAccount>();
  let next: IdpAccount | null = null;
  let provider: Provider | null = null;
  const server: Server = createServer((req, res) => {
    void (async () => {
      if (!provider) return;
      if (!options.loginPage && req.url?.startsWith('/interaction/')) {
        const details = await provider.interactionDetails(req, res);
        if (details.prompt.name === 'login') {
          if (!next) throw new Error('the test named nobody to sign in at the provider');
          const accountId = `acct-${accounts.size + 1}`;
          accounts.set(accountId, next);
          await provider.interactionFinished(req, res, { login: { accountId } });
          return;
        }
        const grant = new provider.Grant({
          accountId: details.session!.accountId,
          clientId: String(details.params.client_id),
        });
        grant.addOIDCScope(String(details.params.scope));
        await provider.interactionFinished(
          req,
          res,
          { consent: { grantId: await grant.save() } },
          { mergeWithLastSubmission: true },
        );
        return;
      }
      provider.callback()(req, res);
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const redirect = `${appUrl}/api/auth/sso/callback`;
  provider = new Provider(issuer, {
    clients: [CLIENT, OTHER_CLIENT].map((c) => ({
      client_id: c.id,
      client_secret: c.secret,
      redirect_uris: [redirect],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    })),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: false,
    cookies: { keys: ['lookfor-test-idp-cookie-key'] },
    ...(options.loginPage
      ? {}
      : {
          features: { devInteractions: { enabled: false } },
          interactions: { url: (_ctx: unknown, i: { uid: string }) => `/interaction/${i.uid}` },
        }),
    findAccount: (_ctx: unknown, id: string) => {
      const account =
        accounts.get(id) ?? (options.loginPage ? { email: id, emailVerified: true } : undefined);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          email: account.email,
          email_verified: account.emailVerified,
          ...(account.name ? { name: account.name } : {}),
        }),
      };
    },
  });
  return {
    issuer,
    sso: {
      issuer,
      clientId: CLIENT.id,
      clientSecret: CLIENT.secret,
      allowedDomains: options.allowedDomains ?? [],
      label: 'District Login',
      publicUrl: appUrl,
    },
    signInAs: (account) => {
      next = account;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A browser's cookies for one site: what Set-Cookie gave, sent back as Cookie. */
export function cookieJar() {
  const cookies = new Map<string, string>();
  return {
    take(res: Response) {
      for (const line of res.headers.getSetCookie()) {
        const [pair = ''] = line.split(';');
        const eq = pair.indexOf('=');
        const name = pair.slice(0, eq).trim();
        const value = pair.slice(eq + 1).trim();
        if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) cookies.delete(name);
        else cookies.set(name, value);
      }
    },
    header: () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
  };
}

/**
 * Follows the provider's redirects as a browser would, from the authorization URL
 * until it sends the browser back to the app; the callback URL it sends it to.
 */
export async function throughProvider(authorizationUrl: string): Promise<string> {
  const jar = cookieJar();
  let url = authorizationUrl;
  for (let hop = 0; hop < 20; hop += 1) {
    if (url.startsWith(APP_URL)) return url;
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(res);
    const location = res.headers.get('location');
    if (!location) throw new Error(`the provider answered ${res.status}: ${await res.text()}`);
    url = new URL(location, url).href;
  }
  throw new Error('the provider redirected too many times');
}
