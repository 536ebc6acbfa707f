import { useState } from 'preact/hooks';
import type { RoundCounts } from '../../../shared/round-rules';
import type { Round } from '../../../shared/rounds';
import { hrefFor } from '../shell/route';
import { RoundProgressLine } from './RoundProgressLine';

interface Props {
  round: Round;
  /** "Lincoln Elementary · Ten look-fors v1 · about 5 min a room" */
  about: string;
  counts: RoundCounts;
  mayPlan: boolean;
  /** A calibration round its reader may compare: a link to the agreement screen. */
  mayCalibrate: boolean;
  /** A visit is open: the look-fors need the room, so the summary folds to one line. */
  folded: boolean;
}

/** The round's title, progress and purpose; one line with a "Round details" toggle in a room. */
export function RoundSummary({ round, about, counts, mayPlan, mayCalibrate, folded }: Props) {
  const [open, setOpen] = useState(false);
  const planLink = (
    <>
      {mayCalibrate && (
        <a class="button" href={hrefFor({ name: 'round-calibration', id: round.id })}>
          Calibration
        </a>
      )}
      {mayPlan && (
        <a class="button" href={hrefFor({ name: 'round-plan', id: round.id })}>
          Plan
        </a>
      )}
    </>
  );
  const purpose = round.purpose && (
    <div class="purpose-box">
      <h3>Purpose, shared with staff</h3>
      <p>{round.purpose}</p>
    </div>
  );
  if (!folded) {
    return (
      <>
        <header class="capture-head">
          <div>
            <h2 id="walk-title">{round.name}</h2>
            <p class="muted">{about}</p>
          </div>
          {planLink}
        </header>
        <RoundProgressLine counts={counts} />
        {purpose}
      </>
    );
  }
  return (
    <>
      <div class="round-summary-bar">
        <h2 id="walk-title">{round.name}</h2>
        <p class="round-summary-count">
          <span>
            {counts.team.visited} of {counts.team.total} rooms
          </span>
          {counts.mine.total > 0 && (
            <span>
              Mine: {counts.mine.visited} of {counts.mine.total}
            </span>
          )}
        </p>
        <button
          type="button"
          class="button quiet small"
          aria-expanded={open}
          aria-controls="round-details"
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide round details' : 'Round details'}
        </button>
      </div>
      {/* Rendered only while open: the folded line above already says the counts. */}
      <div id="round-details" class="round-details" hidden={!open}>
        {open && (
          <>
            <div class="capture-head">
              <p class="muted">{about}</p>
              {planLink}
            </div>
            {purpose}
          </>
        )}
      </div>
    </>
  );
}
