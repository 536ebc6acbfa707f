import { useEffect, useMemo, useState } from 'preact/hooks';
import { RevealTogether, RevealWhen } from '../shell/reveal-together';
import {
  DashboardOptionsAnswer,
  DistrictAnswer,
  EvidenceAnswer,
  RoundTargetsAnswer,
  SummaryAnswer,
  TrendAnswer,
} from '../../../shared/answers/dashboard';
import type { Summary } from '../../../shared/dashboard';
import { targetMap, type RoundTargets } from '../../../shared/targets';
import { targetsPath } from '../../data/targets';
import { EvidencePanel } from './EvidencePanel';
import { hiddenText, shownDay } from './format';
import { shownDateTime } from '../dates';
import { prepareDateFormats } from './prepare-date-formats';
import { GroupTable } from './GroupTable';
import { HeatMapTable } from './HeatMapTable';
import { LookForTable } from './LookForTable';
import { PrintSummary } from './PrintSummary';
import { summaryQuery, trendQuery, type ResultsScope } from './query';
import { ScopePicker } from './ScopePicker';
import { SeenChart } from './SeenChart';
import { StaffMeetingTools } from './StaffMeetingTools';
import { TrendChart } from './TrendChart';
import { TrendTable } from './TrendTable';
import { useResults } from './use-results';
import { mayPlan } from '../rounds/permissions';
import { DistrictShareBack } from '../share-back/DistrictShareBack';
import { ShareClockPanel } from '../share-back/ShareClockPanel';
import { useServices } from '../app-context';
import './dashboard.css';
import './staff-meeting.css';
import './print.css';

/** A range as read: whole months (older cached answers carry only the asked dates). */
const rangeLabel = (scope: Summary['scope']) => {
  const covers = scope.covers;
  return covers ? `${covers.from} to ${covers.to} (whole months)` : `${scope.from} to ${scope.to}`;
};

/** "5 Oct 2026 to 9 Oct 2026": a round's dates as a reader says them. */
const roundDates = (round: NonNullable<Summary['scope']['round']>) => {
  return round.startsOn === round.endsOn
    ? shownDay(round.startsOn)
    : `${shownDay(round.startsOn)} to ${shownDay(round.endsOn)}`;
};

/** Holds the place of the results while they load, so nothing moves when they arrive. */
const Loading = () => (
  <div class="results-loading" role="status">
    <p>Loading results…</p>
    <div class="skeleton" style={{ height: '2.5rem', maxWidth: '30rem' }} />
    <div class="skeleton" style={{ height: '20rem', maxWidth: '48rem' }} />
  </div>
);

const today = () => new Date().toISOString().slice(0, 10);
const yearAgo = () => new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);

/** The "extent present" dashboard: aggregates only, each resting on a shown number of classrooms. */
export function ResultsScreen({ roundId }: { roundId?: string | undefined }) {
  const { store } = useServices();
  const options = useResults(DashboardOptionsAnswer, '/api/dashboard/options');
  const [scope, setScope] = useState<ResultsScope>({
    mode: 'round',
    roundId: '',
    schoolId: '',
    protocolId: '',
    from: yearAgo(),
    to: today(),
    gradeBand: '',
    subject: '',
    heat: 'gradeBand',
  });
  // The answers take a moment to come; the date formats are made meanwhile.
  useEffect(prepareDateFormats, []);
  const opts = options?.ok ? options.value : null;
  useEffect(() => {
    if (!opts || scope.roundId || scope.schoolId) return;
    const latest =
      opts.rounds.find((r) => r.id === roundId) ??
      opts.rounds.find((r) => r.status === 'closed') ??
      opts.rounds[0];
    setScope({
      ...scope,
      roundId: latest?.id ?? '',
      mode: latest ? 'round' : 'range',
      schoolId: latest?.schoolId ?? opts.schools[0]?.id ?? '',
      protocolId: latest?.protocolId ?? opts.protocols[0]?.id ?? '',
    });
  }, [opts]);

  const query = summaryQuery(scope);
  const summary = useResults(SummaryAnswer, query ? `/api/dashboard/summary?${query}` : null);
  // Sharing a note with staff, or removing one, re-reads the evidence.
  const [evidenceVersion, setEvidenceVersion] = useState(0);
  const evidence = useResults(
    EvidenceAnswer,
    query ? `/api/dashboard/evidence?${query}` : null,
    evidenceVersion,
  );
  const shown = summary?.ok ? summary.value : null;
  const shownRound = shown?.scope.round ?? null;
  // A leader's change answers with the round's targets; until then, what was read.
  const [changedTargets, setChangedTargets] = useState<RoundTargets | null>(null);
  const read = useResults(RoundTargetsAnswer, shownRound ? targetsPath(shownRound.id) : null);
  const readTargets = read?.ok && read.value.roundId === shownRound?.id ? read.value : null;
  const targets =
    changedTargets && changedTargets.roundId === shownRound?.id ? changedTargets : readTargets;
  const marks = useMemo(() => targetMap(targets?.targets ?? []), [targets]);
  const trendPath = shown ? trendQuery(shown.scope.schoolId, shown.scope.protocolId, scope) : null;
  const trend = useResults(TrendAnswer, trendPath ? `/api/dashboard/trend?${trendPath}` : null);
  const districtPath =
    opts?.districtView && shown
      ? `/api/dashboard/district?${new URLSearchParams({
          protocolId: shown.scope.protocolId,
          from: shown.scope.round?.startsOn ?? shown.scope.from ?? yearAgo(),
          to: shown.scope.round?.endsOn ?? shown.scope.to ?? today(),
        }).toString()}`
      : null;
  const district = useResults(DistrictAnswer, districtPath);

  // Everything the screen reads itself, so the results show whole rather than fill in.
  const settled = (path: string | null, answer: unknown) => path === null || answer !== null;
  const complete =
    settled(query, evidence) &&
    settled(shownRound ? 'targets' : null, read) &&
    settled(trendPath, trend) &&
    settled(districtPath, district);

  if (options && !options.ok) return <p class="screen banner attention">{options.message}</p>;
  if (!opts) {
    return (
      <section class="screen results">
        <Loading />
      </section>
    );
  }
  if (opts.schools.length === 0) {
    return (
      <section class="screen">
        <h2>Results</h2>
        <p>Your school does not share walkthrough results with staff at the moment.</p>
      </section>
    );
  }
  const threshold = shown?.threshold ?? opts.threshold;
  const schoolName = (id: string) => opts.schools.find((s) => s.id === id)?.name ?? 'School';
  return (
    <section class="screen results" aria-labelledby="results-title">
      <h2 id="results-title">Results</h2>
      <p class="muted no-print">
        Share of visited classrooms where each look-for was seen. No figure is about one teacher:
        anything resting on fewer than {threshold} classrooms is hidden, and so is any figure that
        would give such a group away by subtraction from another. Date ranges are read in whole
        months.
      </p>
      <ScopePicker options={opts} scope={scope} onChange={setScope} />
      {summary?.ok && summary.cached && (
        <p class="banner info">Offline: showing the results as of {shownDateTime(summary.asOf)}.</p>
      )}
      {summary && !summary.ok && <p class="banner attention">{summary.message}</p>}
      {!query && (
        <p class="muted results-choose">Choose a round, or a school, a protocol and dates.</p>
      )}
      {query && !summary && <Loading />}
      {shown && (
        <RevealTogether loadingText="Loading results…" placeholder={<Loading />}>
          <RevealWhen ready={complete} />
          <div class="results-layout">
            <div class="results-main">
              <header class="results-head">
                <h3>
                  {shown.scope.schoolName} · {shown.scope.round?.name ?? rangeLabel(shown.scope)}
                </h3>
                <p>
                  {shown.scope.protocolName}
                  {shown.scope.gradeBand ? ` · ${shown.scope.gradeBand}` : ''}
                  {shown.scope.subject ? ` · ${shown.scope.subject}` : ''} ·{' '}
                  <strong>
                    {shown.classrooms.suppressed
                      ? hiddenText(shown.classrooms, threshold)
                      : `${shown.classrooms.count} classrooms visited`}
                  </strong>
                  {summary?.ok && <span class="muted"> · as of {shownDateTime(summary.asOf)}</span>}
                </p>
                {shownRound && (
                  <p class="results-dates">
                    {roundDates(shownRound)}
                    {shownRound.purpose ? (
                      <>
                        {' '}
                        · <strong>Purpose:</strong> {shownRound.purpose}
                      </>
                    ) : null}
                  </p>
                )}
                {shownRound?.status === 'closed' && mayPlan(store.user, shown.scope.schoolId) && (
                  <ShareClockPanel
                    roundId={shownRound.id}
                    schoolId={shown.scope.schoolId}
                    device={store}
                  />
                )}
                <div class="results-actions no-print">
                  <a class="button" href={`/api/dashboard/summary.csv?${query}`} download>
                    Export CSV
                  </a>
                  <button type="button" class="button" onClick={() => window.print()}>
                    Print
                  </button>
                  <StaffMeetingTools
                    summary={shown}
                    targets={targets}
                    onTargets={setChangedTargets}
                  />
                </div>
              </header>
              <SeenChart rows={shown.lookFors} targets={marks} />
              <PrintSummary
                summary={shown}
                evidence={evidence?.ok ? evidence.value : null}
                threshold={threshold}
              />
              <LookForTable
                rows={shown.lookFors}
                threshold={threshold}
                quotes={evidence?.ok && !evidence.value.suppressed ? evidence.value.quotes : []}
                sharedOnly={evidence?.ok && !evidence.value.suppressed && evidence.value.staffView}
                targets={targets?.targets ?? []}
              />
              <div class="table-scroll">
                <GroupTable groups={shown.groups} threshold={threshold} />
              </div>
              <div class="table-scroll">
                <HeatMapTable map={shown.heatMap} threshold={threshold} />
              </div>
              {trend?.ok && (
                <div class="trend-pair">
                  <div class="table-scroll">
                    <TrendTable trend={trend.value} />
                  </div>
                  <TrendChart trend={trend.value} />
                </div>
              )}
              {district?.ok && (
                <div class="table-scroll">
                  <HeatMapTable
                    map={district.value.heatMap}
                    threshold={threshold}
                    columnLabel={schoolName}
                  />
                </div>
              )}
              {opts.districtView && <DistrictShareBack />}
            </div>
            <EvidencePanel
              evidence={evidence?.ok ? evidence.value : null}
              threshold={threshold}
              roundId={shown.scope.round?.id ?? null}
              onChanged={() => setEvidenceVersion((v) => v + 1)}
            />
          </div>
        </RevealTogether>
      )}
    </section>
  );
}
