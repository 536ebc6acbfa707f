import type { CalibrationReport } from '../../../shared/answers/calibration';

type Row = CalibrationReport['lookFors'][number];

/** "75%", or "—" when no room was answered by every observer. */
export const percentText = (row: Row): string =>
  row.percent === null ? '—' : `${Math.round(row.percent * 100)}%`;

/** Kappa to two places ("0.40", "−0.13"), or "—" where it is undefined. */
export const kappaText = (row: Row): string =>
  row.kappa === null ? '—' : row.kappa.toFixed(2).replace('-', '−');

/** Which kappa a figure is: Cohen's for two observers, Fleiss' for more. */
export const kappaMethod = (row: Row): string =>
  row.method === 'fleiss' ? 'Fleiss’ kappa' : row.method === 'cohen' ? 'Cohen’s kappa' : '';
