import * as z from 'zod/mini';
import { AuditPage } from '../../shared/audit-log';
import type { SchoolRole } from '../../shared/accounts';
import { ResentInvite, StaffDirectory } from '../../shared/staff-directory';
import type { ApiCall } from '../api/client';
import { call } from './admin-api';

// The staff directory, each person's lifecycle, and the audit log: online only.

const Ok = z.object({ ok: z.literal(true) });
const post = (body?: unknown): ApiCall => ({ method: 'POST', body: body ?? {} });

export const loadDirectory = () => call(StaffDirectory, '/api/staff');
export const changeRole = (userId: string, schoolId: string, role: SchoolRole) =>
  call(Ok, `/api/staff/${userId}/role`, post({ schoolId, role }));
export const moveToSchool = (userId: string, fromSchoolId: string, toSchoolId: string) =>
  call(Ok, `/api/staff/${userId}/move`, post({ fromSchoolId, toSchoolId }));
export const deactivatePerson = (userId: string) =>
  call(Ok, `/api/staff/${userId}/deactivate`, post());
export const reactivatePerson = (userId: string) =>
  call(Ok, `/api/staff/${userId}/reactivate`, post());
export const revokeInvite = (id: string) => call(Ok, `/api/staff/invites/${id}/revoke`, post());
export const resendInvite = (id: string) =>
  call(ResentInvite, `/api/staff/invites/${id}/resend`, post());

export interface AuditFilters {
  actorId: string;
  action: string;
  from: string;
  to: string;
}

/** The filters as a query string, leaving out the empty ones. */
export function auditQuery(filters: AuditFilters, page?: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (page && page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const loadAudit = (filters: AuditFilters, page: number) =>
  call(AuditPage, `/api/audit${auditQuery(filters, page)}`);
export const auditCsvUrl = (filters: AuditFilters) => `/api/audit/export.csv${auditQuery(filters)}`;
