import type { FieldIssue } from '../../../shared/errors';
import type { Protocol } from '../../../shared/protocol';

/** Where a problem is: "Look-for 2 in section 1" and the field to focus, or the protocol. */
export function placeOf(
  protocol: Protocol,
  path: string,
): { name: string; fieldId: string | null } {
  const match = /^sections\.(\d+)(?:\.lookFors\.(\d+)(?:\.(\w+))?|\.(\w+))?/.exec(path);
  if (!match) {
    const field = path === 'name' || path === 'purpose' ? `protocol-${path}` : null;
    return { name: 'Protocol', fieldId: field };
  }
  const s = Number(match[1]);
  const section = protocol.sections[s];
  if (match[2] === undefined) {
    return {
      name: `Section ${s + 1}`,
      fieldId: section && match[4] === 'title' ? `sec-${section.id}-name` : null,
    };
  }
  const l = Number(match[2]);
  const lookFor = section?.lookFors[l];
  const field = match[3] === 'hint' ? 'hint' : 'text';
  return {
    name: `Look-for ${l + 1} in section ${s + 1}`,
    fieldId: lookFor ? `lf-${lookFor.id}-${field}` : null,
  };
}

/** Scrolls to a field and puts the cursor in it. */
export function jumpTo(fieldId: string): void {
  const field = document.getElementById(fieldId);
  field?.scrollIntoView?.({ block: 'center' });
  field?.focus();
}

interface Props {
  protocol: Protocol;
  problems: FieldIssue[];
  /** Opens the look-for (in the outline) before jumping to it. */
  onJump: (fieldId: string) => void;
}

/** What stands between a draft and publishing, each naming its place with a way to it. */
export function PublishProblems({ protocol, problems, onJump }: Props) {
  return (
    <div class="banner attention" id="publish-problems" tabIndex={-1} role="alert">
      <h3>Fix these before publishing</h3>
      <ul class="problem-list">
        {problems.map((p) => {
          const place = placeOf(protocol, p.path);
          return (
            <li key={`${p.path}:${p.message}`}>
              {place.fieldId ? (
                <button
                  type="button"
                  class="button quiet small"
                  onClick={() => onJump(place.fieldId!)}
                >
                  {place.name}
                </button>
              ) : (
                <strong>{place.name}</strong>
              )}
              : <span>{p.message}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
