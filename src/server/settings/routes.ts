import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { SignInSettings, type SignInSettingsAnswer } from '../../shared/district-settings';
import { domainAllowed } from '../../shared/sign-in-options';
import type { SsoConfig } from '../auth/sso-config';
import { recordAudit } from '../audit/repository';
import { requireSignIn, type AuthEnv } from '../auth/session';
import type { Database } from '../db/schema';
import { parseBody } from '../http/body';
import { sendError } from '../http/errors';
import { RetentionSettings } from '../../shared/retention';
import {
  activePeople,
  passwordsOn,
  retentionSettings,
  setPasswordsOn,
  setRetentionSettings,
} from './repository';

/** District-wide settings, for district admins: password sign-in, and how long data is kept. */
export function settingsRoutes(
  db: Kysely<Database>,
  options: { now: () => Date; sso: SsoConfig | null },
): Hono<AuthEnv> {
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireSignIn());
  routes.use('*', async (c, next) => {
    if (!c.get('auth')!.districtAdmin) {
      return sendError(c, 403, 'forbidden', 'Only district admins change district settings');
    }
    await next();
  });

  routes.get('/sign-in', async (c) => {
    const sso = options.sso;
    const outsideDomains =
      sso && sso.allowedDomains.length > 0
        ? (await activePeople(db)).filter((p) => !domainAllowed(sso.allowedDomains, p.email))
        : [];
    const body: SignInSettingsAnswer = {
      passwords: await passwordsOn(db),
      sso: sso ? { label: sso.label, allowedDomains: sso.allowedDomains } : null,
      outsideDomains,
    };
    return c.json(body);
  });

  routes.put('/sign-in', async (c) => {
    const auth = c.get('auth')!;
    const body = await parseBody(c, SignInSettings);
    if (!body.ok) return body.response;
    if (!body.value.passwords && !options.sso) {
      return sendError(
        c,
        409,
        'conflict',
        'Set up single sign-on before turning passwords off, or nobody could sign in',
      );
    }
    const at = options.now().toISOString();
    await db.transaction().execute(async (trx) => {
      await setPasswordsOn(trx, body.value.passwords, at, auth.userId);
      await recordAudit(trx, {
        id: randomUUID(),
        at,
        actorId: auth.userId,
        action: 'settings.passwords',
        subject: 'district',
        details: { passwords: body.value.passwords },
      });
    });
    return c.json({ passwords: body.value.passwords });
  });

  routes.get('/retention', async (c) => c.json(await retentionSettings(db)));

  routes.put('/retention', async (c) => {
    const auth = c.get('auth')!;
    const body = await parseBody(c, RetentionSettings);
    if (!body.ok) return body.response;
    const at = options.now().toISOString();
    await db.transaction().execute(async (trx) => {
      await setRetentionSettings(trx, body.value, at, auth.userId);
      await recordAudit(trx, {
        id: randomUUID(),
        at,
        actorId: auth.userId,
        action: 'settings.retention',
        subject: 'district',
        details: body.value,
      });
    });
    return c.json(body.value);
  });

  return routes;
}
