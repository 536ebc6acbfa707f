import { describe, expect, it } from 'vitest';
import { ssoOutcome } from '../../../src/client/account/sso-api';
import { auditQuery } from '../../../src/client/account/staff-api';

describe('where single sign-on sends the browser back', () => {
  it('reads the outcome from the hash, and calls anything unknown a failure', () => {
    expect(ssoOutcome('#/signin/sso/done')).toBe('done');
    expect(ssoOutcome('#/signin/sso/unknown')).toBe('unknown');
    expect(ssoOutcome('#/signin/sso/deactivated')).toBe('deactivated');
    expect(ssoOutcome('#/signin/sso/whatever')).toBe('failed');
    expect(ssoOutcome('#/signin')).toBeNull();
  });
});

describe('the audit log query', () => {
  it('leaves out empty filters and the first page', () => {
    expect(auditQuery({ actorId: '', action: '', from: '', to: '' })).toBe('');
    expect(auditQuery({ actorId: '', action: 'role.changed', from: '2026-11-01', to: '' }, 2)).toBe(
      '?action=role.changed&from=2026-11-01&page=2',
    );
  });
});
