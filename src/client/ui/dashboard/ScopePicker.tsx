import type { DashboardOptions } from '../../../shared/dashboard';
import { gradeBands } from '../../../shared/observation';
import type { ResultsScope } from './query';

interface Props {
  options: DashboardOptions;
  scope: ResultsScope;
  onChange: (scope: ResultsScope) => void;
}

/** Round or date range; school and protocol for a range; grade band, subject, heat map columns. */
export function ScopePicker({ options, scope, onChange }: Props) {
  const set = (change: Partial<ResultsScope>) => onChange({ ...scope, ...change });
  const schoolName = (id: string) => options.schools.find((s) => s.id === id)?.name ?? '';
  return (
    <form class="results-scope" onSubmit={(e) => e.preventDefault()} aria-label="What to show">
      <fieldset class="segmented-field">
        <legend>Show</legend>
        <label class="check">
          <input
            type="radio"
            name="mode"
            checked={scope.mode === 'round'}
            onChange={() => set({ mode: 'round' })}
          />
          A round
        </label>
        <label class="check">
          <input
            type="radio"
            name="mode"
            checked={scope.mode === 'range'}
            onChange={() => set({ mode: 'range' })}
          />
          A date range
        </label>
      </fieldset>
      {scope.mode === 'round' ? (
        <div class="field">
          <label for="results-round">Round</label>
          <select
            id="results-round"
            value={scope.roundId}
            onChange={(e) => set({ roundId: e.currentTarget.value })}
          >
            <option value="">Choose a round</option>
            {options.rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name} · {schoolName(r.schoolId)} · {r.startsOn}
                {r.status === 'closed' ? ' (closed)' : ''}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <>
          <div class="field">
            <label for="results-school">School</label>
            <select
              id="results-school"
              value={scope.schoolId}
              onChange={(e) => set({ schoolId: e.currentTarget.value })}
            >
              <option value="">Choose a school</option>
              {options.schools.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="results-protocol">Protocol</label>
            <select
              id="results-protocol"
              value={scope.protocolId}
              onChange={(e) => set({ protocolId: e.currentTarget.value })}
            >
              <option value="">Choose a protocol</option>
              {options.protocols.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="results-from">From</label>
            <input
              id="results-from"
              type="date"
              value={scope.from}
              onChange={(e) => set({ from: e.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label for="results-to">To</label>
            <input
              id="results-to"
              type="date"
              value={scope.to}
              onChange={(e) => set({ to: e.currentTarget.value })}
            />
          </div>
        </>
      )}
      <div class="field">
        <label for="results-band">Grade band</label>
        <select
          id="results-band"
          value={scope.gradeBand}
          onChange={(e) => set({ gradeBand: e.currentTarget.value })}
        >
          <option value="">All grade bands</option>
          {gradeBands.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="results-subject">Subject</label>
        <input
          id="results-subject"
          value={scope.subject}
          maxLength={60}
          placeholder="All subjects"
          onChange={(e) => set({ subject: e.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for="results-heat">Heat map by</label>
        <select
          id="results-heat"
          value={scope.heat}
          onChange={(e) =>
            set({ heat: e.currentTarget.value === 'subject' ? 'subject' : 'gradeBand' })
          }
        >
          <option value="gradeBand">Grade band</option>
          <option value="subject">Subject</option>
        </select>
      </div>
    </form>
  );
}
