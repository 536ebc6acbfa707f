import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SignInSettingsAnswer } from '../../../src/shared/district-settings';
import {
  addMember,
  person,
  createSchool,
  setUpDistrictAdmin,
  startAccountsServer,
  type AccountsServer,
} from '../../support/accounts';
import { testDialects } from '../../support/test-db';

const dialects = await testDialects();
const sso = {
  issuer: 'https://idp.district.example',
  clientId: 'lookfor',
  clientSecret: 'secret',
  allowedDomains: ['district.example'],
  label: 'District Login',
  publicUrl: 'https://lookfor.district.example',
};

describe.each(dialects)('the sign-in settings an admin reads, on %s', (dialect) => {
  let server: AccountsServer;
  afterEach(async () => {
    await server.db.dispose();
  });

  describe('with single sign-on', () => {
    beforeEach(async () => {
      server = await startAccountsServer(dialect, { sso });
    });

    it('names the active people whose address is outside the allowed domains', async () => {
      const admin = await setUpDistrictAdmin(server);
      const school = await createSchool(admin.client, 'Lincoln Elementary');
      await addMember(server, admin.client, school, 'teacher');
      const jo = person({ email: 'jo@gmail.example', name: 'Jo Outside' });
      const outsider = await addMember(server, admin.client, school, 'teacher', jo);
      const res = await admin.client.get('/api/settings/sign-in');
      expect(res.status).toBe(200);
      const answer = SignInSettingsAnswer.parse(await res.json());
      expect(answer).toMatchObject({
        passwords: true,
        sso: { label: 'District Login', allowedDomains: ['district.example'] },
      });
      expect(answer.outsideDomains).toEqual([
        { id: outsider.me.user.id, name: 'Jo Outside', email: 'jo@gmail.example' },
      ]);
    });
  });

  describe('without single sign-on', () => {
    beforeEach(async () => {
      server = await startAccountsServer(dialect);
    });

    it('says there is none, so passwords stay on', async () => {
      const admin = await setUpDistrictAdmin(server);
      const answer = SignInSettingsAnswer.parse(
        await (await admin.client.get('/api/settings/sign-in')).json(),
      );
      expect(answer).toEqual({ passwords: true, sso: null, outsideDomains: [] });
    });
  });
});
