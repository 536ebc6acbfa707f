import type { AgreementReport } from '../../../shared/answers/calibration';

type Row = AgreementReport['lookFors'][number];

/** Until two observers' visits to one room have both synced, there is nothing to compare. */
export const WAITING =
  'Agreement appears once both observers’ visits to the same room have arrived. Each observer syncs as usual; check back after everyone has synced.';

/** "75%", or "—" when no room was answered by every observer. */
export const percentText = (row: Row): string =>
  row.percent === null ? '—' : `${Math.round(row.percent * 100)}%`;

/** Kappa to two places ("0.40", "−0.13"), or "—" where it is undefined. */
export const kappaText = (row: Row): string =>
  row.kappa === null ? '—' : row.kappa.toFixed(2).replace('-', '−');

/** Which kappa a figure is: Cohen's for two observers, Fleiss' for more. */
export const kappaMethod = (row: Row): string =>
  row.method === 'fleiss' ? 'Fleiss’ kappa' : row.method === 'cohen' ? 'Cohen’s kappa' : '';
