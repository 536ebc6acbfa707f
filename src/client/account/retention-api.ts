import { ErasureAnswer, RetentionAnswer } from '../../shared/answers/retention';
import type { RetentionSettings } from '../../shared/retention';
import { call } from './admin-api';

// How long the district keeps data, and deleting a person's data on request: online only.

export const loadRetention = () => call(RetentionAnswer, '/api/settings/retention');
export const saveRetention = (settings: RetentionSettings) =>
  call(RetentionAnswer, '/api/settings/retention', { method: 'PUT', body: settings });
export const erasePersonData = (userId: string) =>
  call(ErasureAnswer, `/api/staff/${userId}/erase`, { method: 'POST', body: {} });
