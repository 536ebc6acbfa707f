import { focusLabels, type Protocol } from '../../../shared/protocol';
import type { ResponseValue } from '../../../shared/response';
import { LookForItem } from './LookForItem';
import './capture.css';

interface Props {
  protocol: Protocol;
  responses: Record<string, ResponseValue>;
  disabled: boolean;
  /** Saves an answer; a write that resolves to null failed (and was reported). */
  onChange: (lookForId: string, value: ResponseValue | null) => Promise<unknown> | void;
}

/** A protocol as an observer sees it, section by section. The editor previews with it too. */
export function ProtocolSheet({ protocol, responses, disabled, onChange }: Props) {
  let number = 0;
  return (
    <div class="sheet">
      {protocol.sections.map((section) => (
        <section key={section.id} class="sheet-section" aria-labelledby={`sec-${section.id}`}>
          {(protocol.sections.length > 1 || section.focus !== 'general') && (
            <h3 id={`sec-${section.id}`} class="sheet-section-title">
              {section.title}
              {section.focus !== 'general' && section.title !== focusLabels[section.focus] && (
                <span class="focus-tag"> · {focusLabels[section.focus]}</span>
              )}
            </h3>
          )}
          <ol class="look-fors">
            {section.lookFors.map((lookFor) => (
              <LookForItem
                key={lookFor.id}
                lookFor={lookFor}
                number={(number += 1)}
                value={responses[lookFor.id]}
                disabled={disabled}
                onChange={(value) => onChange(lookFor.id, value)}
              />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
