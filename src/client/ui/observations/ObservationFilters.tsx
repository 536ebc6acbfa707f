import type { ObservationFilter } from '../../data/observation-page';
import { roundStoreOf } from '../../data/round-store';
import { useServices } from '../app-context';
import { useProtocolFamilies } from '../../data/protocol-hooks';

interface Props {
  value: ObservationFilter;
  onChange: (next: ObservationFilter) => void;
}

const valueOf = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;

/** School, round, protocol and days: each narrows the list through an index. */
export function ObservationFilters({ value, onChange }: Props) {
  const { store } = useServices();
  const rounds = roundStoreOf(store).useRounds() ?? [];
  const protocols = useProtocolFamilies(store) ?? [];
  const schools = store.user.schools;
  const set = (key: keyof ObservationFilter) => (e: Event) => {
    const next = { ...value };
    const chosen = valueOf(e);
    if (chosen) next[key] = chosen;
    else delete next[key];
    onChange(next);
  };
  return (
    <div class="list-filters" role="group" aria-label="Filter observations">
      {schools.length > 1 && (
        <div class="field">
          <label for="filter-school">School</label>
          <select id="filter-school" value={value.schoolId ?? ''} onChange={set('schoolId')}>
            <option value="">All schools</option>
            {schools.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {(rounds.length > 0 || value.roundId) && (
        <div class="field">
          <label for="filter-round">Round</label>
          <select id="filter-round" value={value.roundId ?? ''} onChange={set('roundId')}>
            <option value="">Any round or none</option>
            {rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name} ({r.startsOn})
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="field">
        <label for="filter-protocol">Protocol</label>
        <select id="filter-protocol" value={value.protocolId ?? ''} onChange={set('protocolId')}>
          <option value="">All protocols</option>
          {protocols.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-from">From</label>
        <input id="filter-from" type="date" value={value.from ?? ''} onChange={set('from')} />
      </div>
      <div class="field">
        <label for="filter-to">To</label>
        <input id="filter-to" type="date" value={value.to ?? ''} onChange={set('to')} />
      </div>
      <button type="button" class="button quiet" onClick={() => onChange({})}>
        Clear filters
      </button>
    </div>
  );
}
