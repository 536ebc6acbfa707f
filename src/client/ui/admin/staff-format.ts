import { roleLabels, type SchoolRole } from '../../../shared/accounts';

/** A date and time as the directory and the audit log show it, or a dash for none. */
export function shownTime(iso: string | null): string {
  if (!iso) return 'never';
  const at = new Date(iso);
  return Number.isNaN(at.getTime())
    ? iso
    : at.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export const roleLabel = (role: SchoolRole | 'district_admin') => roleLabels[role];
