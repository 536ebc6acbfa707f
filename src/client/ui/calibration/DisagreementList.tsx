import type { AgreementReport } from '../../../shared/answers/calibration';
import { roomName } from '../../../shared/room-name';

type LookForRow = AgreementReport['lookFors'][number];

/** Every room where the observers differed, each observer's answer and notes side by side. */
export function DisagreementList({ lookFors }: { lookFors: LookForRow[] }) {
  return (
    <ul class="disagreements">
      {lookFors.map((row) => (
        <li key={row.lookForId} class="disagreement-look-for">
          <h4>{row.text}</h4>
          {row.disagreements.map((d, i) => (
            <section key={`${d.room}-${i}`} class="disagreement" aria-label={roomName(d.room)}>
              <p class="disagreement-room">{roomName(d.room)}</p>
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
