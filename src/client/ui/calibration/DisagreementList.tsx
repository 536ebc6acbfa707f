import type { CalibrationReport } from '../../../shared/answers/calibration';

type LookForRow = CalibrationReport['lookFors'][number];

/** Every room where the observers differed, each observer's answer and notes side by side. */
export function DisagreementList({ lookFors }: { lookFors: LookForRow[] }) {
  return (
    <ul class="disagreements">
      {lookFors.map((row) => (
        <li key={row.lookForId} class="disagreement-look-for">
          <h4>{row.text}</h4>
          {row.disagreements.map((d, i) => (
            <section key={`${d.room}-${i}`} class="disagreement" aria-label={`Room ${d.room}`}>
              <p class="disagreement-room">Room {d.room}</p>
              <div class="side-by-side">
                {d.answers.map((a, j) => (
                  <div key={j} class="observer-answer">
                    <p class="observer-name">{a.observer}</p>
                    <p class="observer-choice">{a.answer}</p>
                    <p class="observer-notes">{a.notes || <span class="muted">No notes</span>}</p>
                  </div>
                ))}
              </div>
            </section>
          ))}
        </li>
      ))}
    </ul>
  );
}
