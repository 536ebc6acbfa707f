import { shownDateTime } from '../dates';
import { roleLabels, type SchoolRole } from '../../../shared/accounts';

/** A date and time as the directory and the audit log show it, or a dash for none. */
export function shownTime(iso: string | null): string {
  if (!iso) return 'never';
  return Number.isNaN(new Date(iso).getTime()) ? iso : shownDateTime(iso);
}

export const roleLabel = (role: SchoolRole | 'district_admin') => roleLabels[role];
