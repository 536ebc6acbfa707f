import { OutboxList, OutboxRetried } from '../../shared/answers/outbox';
import { SignInSettings, SignInSettingsAnswer } from '../../shared/district-settings';
import { call } from './admin-api';

// District settings and the email outbox, for district admins: online only.

export const loadSignInSettings = () => call(SignInSettingsAnswer, '/api/settings/sign-in');
export const setPasswords = (passwords: boolean) =>
  call(SignInSettings, '/api/settings/sign-in', { method: 'PUT', body: { passwords } });

export const loadOutbox = (status: '' | 'queued' | 'sent' | 'failed') =>
  call(OutboxList, `/api/admin/emails${status ? `?status=${status}` : ''}`);
export const retryEmail = (id: string) =>
  call(OutboxRetried, `/api/admin/emails/${id}/retry`, { method: 'POST', body: {} });
