import { describe, expect, it } from 'vitest';
import { readSso } from '../../../src/server/auth/sso-config';
import { domainAllowed } from '../../../src/shared/sign-in-options';

const base = {
  OIDC_ISSUER: 'https://accounts.google.com',
  OIDC_CLIENT_ID: 'client',
  OIDC_CLIENT_SECRET: 'secret',
  PUBLIC_URL: 'https://lookfor.district.org/',
};

describe('single sign-on configuration', () => {
  it('is off without OIDC_ISSUER', () => {
    expect(readSso({})).toBeUndefined();
  });

  it('reads the issuer, client, domains and label', () => {
    expect(
      readSso({
        ...base,
        OIDC_ALLOWED_DOMAINS: ' District.org, staff.district.org ',
        OIDC_BUTTON_LABEL: 'Google',
      }),
    ).toEqual({
      issuer: 'https://accounts.google.com',
      clientId: 'client',
      clientSecret: 'secret',
      allowedDomains: ['district.org', 'staff.district.org'],
      label: 'Google',
      publicUrl: 'https://lookfor.district.org',
    });
    expect(readSso(base)?.label).toBe('single sign-on');
  });

  it('stops start-up with a message naming the variable', () => {
    expect(() => readSso({ ...base, OIDC_ISSUER: 'accounts' })).toThrow(/OIDC_ISSUER/);
    expect(() => readSso({ ...base, OIDC_CLIENT_SECRET: '' })).toThrow(/OIDC_CLIENT_SECRET/);
    expect(() => readSso({ ...base, OIDC_ALLOWED_DOMAINS: 'not a domain' })).toThrow(
      /OIDC_ALLOWED_DOMAINS/,
    );
    expect(() => readSso({ ...base, PUBLIC_URL: '' })).toThrow(/PUBLIC_URL/);
  });
});

describe('which email domains may sign in by SSO', () => {
  it('allows any domain without a list, and only listed ones with one', () => {
    expect(domainAllowed([], 'a@anything.example')).toBe(true);
    expect(domainAllowed(['district.org'], 'a@District.org')).toBe(true);
    expect(domainAllowed(['district.org'], 'a@evil-district.org')).toBe(false);
    expect(domainAllowed(['district.org'], 'a@sub.district.org')).toBe(false);
  });
});
