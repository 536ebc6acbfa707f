import { responseLabels, type Protocol } from '../../../shared/protocol';
import type { ResponseValue } from '../../../shared/response';
import { shareableParts, type SharedNote } from '../../../shared/visits';
import { partLabels } from './format';

function answerText(value: ResponseValue): string {
  if (typeof value === 'string') return responseLabels[value];
  if ('text' in value) return value.text;
  if ('quote' in value) return `“${value.quote}”`;
  if ('count' in value) return String(value.count);
  if ('level' in value) return value.level;
  return value.choices.join(', ');
}

/** Exactly what an observer shared, part by part; a part not shared is not shown. */
export function SharedNoteView({
  shared,
  protocol,
}: {
  shared: SharedNote;
  protocol: Protocol | undefined;
}) {
  const lookForText = (id: string) =>
    protocol?.sections.flatMap((s) => s.lookFors).find((l) => l.id === id)?.text ?? id;
  const present = shareableParts.filter((p) => shared[p] !== undefined);
  if (present.length === 0) return <p class="muted">Nothing shared yet.</p>;
  return (
    <dl class="shared-note">
      {present.map((part) => (
        <div key={part} class="shared-part">
          <dt>{partLabels[part]}</dt>
          {part === 'responses' ? (
            <dd>
              <ul>
                {Object.entries(shared.responses ?? {}).map(([id, value]) => (
                  <li key={id}>
                    {lookForText(id)}: {answerText(value)}
                  </li>
                ))}
              </ul>
            </dd>
          ) : (
            <dd class="note-text">{shared[part] || '(empty)'}</dd>
          )}
        </div>
      ))}
    </dl>
  );
}
