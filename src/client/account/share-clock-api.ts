import { ShareClockSettingsAnswer } from '../../shared/answers/share-back';
import type { ShareClockSettings } from '../../shared/share-back';
import { call } from './admin-api';

// The district's share-back clock settings (district admins only): online only.

export const loadShareClockSettings = () =>
  call(ShareClockSettingsAnswer, '/api/share-back/settings');
export const saveShareClockSettings = (settings: ShareClockSettings) =>
  call(ShareClockSettingsAnswer, '/api/share-back/settings', { method: 'PUT', body: settings });
