export interface ResultsScope {
  mode: 'round' | 'range';
  roundId: string;
  schoolId: string;
  protocolId: string;
  from: string;
  to: string;
  gradeBand: string;
  subject: string;
  heat: 'gradeBand' | 'subject';
}

/** The query string of the summary, CSV and evidence views; null until the scope is complete. */
export function summaryQuery(s: ResultsScope): string | null {
  const params = new URLSearchParams();
  if (s.mode === 'round') {
    if (!s.roundId) return null;
    params.set('roundId', s.roundId);
  } else {
    if (!s.schoolId || !s.protocolId || !s.from || !s.to) return null;
    params.set('schoolId', s.schoolId);
    params.set('protocolId', s.protocolId);
    params.set('from', s.from);
    params.set('to', s.to);
  }
  if (s.gradeBand) params.set('gradeBand', s.gradeBand);
  if (s.subject.trim()) params.set('subject', s.subject.trim());
  params.set('heat', s.heat);
  return params.toString();
}

export function trendQuery(schoolId: string, protocolId: string, s: ResultsScope): string | null {
  if (!schoolId || !protocolId) return null;
  const params = new URLSearchParams({ schoolId, protocolId });
  if (s.gradeBand) params.set('gradeBand', s.gradeBand);
  if (s.subject.trim()) params.set('subject', s.subject.trim());
  return params.toString();
}
