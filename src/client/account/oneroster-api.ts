import { RosterDryRun, RosterImported } from '../../shared/answers/oneroster';
import type { RosterImportRequest } from '../../shared/oneroster/plan-schema';
import { call } from './admin-api';

/** What importing these files would do; nothing is written. */
export const dryRunRoster = (body: RosterImportRequest) =>
  call(RosterDryRun, '/api/roster/oneroster/dry-run', { method: 'POST', body });

/** Applies the plan the dry run answered (its `planId`), or nothing. */
export const importRosterPlan = (body: RosterImportRequest) =>
  call(RosterImported, '/api/roster/oneroster/import', { method: 'POST', body });
