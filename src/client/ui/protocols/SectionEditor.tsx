import { useRef } from 'preact/hooks';
import { focusLabels, sectionFocuses, type Section, SectionFocus } from '../../../shared/protocol';
import {
  addLookFor,
  deleteSection,
  duplicateSection,
  moveLookFor,
  moveSection,
  updateSection,
} from '../../../shared/protocol-edits';
import { BufferedField } from './BufferedField';
import { ItemActions } from './ItemActions';
import { LookForEditor, type EditProps } from './LookForEditor';
import { useSortableLookFors } from './use-sortable';

interface Props extends EditProps {
  section: Section;
  index: number;
  count: number;
}

export function SectionEditor({ section, index, count, ...edit }: Props) {
  const list = useRef<HTMLOListElement>(null);
  const { errors, readOnly, newId } = edit;
  const path = `sections.${index}`;
  useSortableLookFors(list, !readOnly, (move) =>
    edit.edit((d) => moveLookFor(d, move.from, move.to)),
  );
  const confirmDelete = () =>
    section.lookFors.length === 0 ||
    window.confirm(
      `Delete "${section.title || 'this section'}" and its ${section.lookFors.length} look-fors?`,
    );
  return (
    <section class="editor-section" aria-labelledby={`sec-${section.id}-title`}>
      <div class="editor-card-head">
        <h3 id={`sec-${section.id}-title`}>Section {index + 1}</h3>
        <ItemActions
          what={`section ${index + 1}`}
          index={index}
          count={count}
          disabled={readOnly}
          onMove={(to) => edit.edit((d) => moveSection(d, index, to))}
          onDuplicate={() => edit.edit((d) => duplicateSection(d, index, newId))}
          onDelete={
            count > 1
              ? () => {
                  if (confirmDelete()) edit.edit((d) => deleteSection(d, index));
                }
              : undefined
          }
        />
      </div>
      <div class="section-fields">
        <BufferedField
          id={`sec-${section.id}-name`}
          label="Section title"
          maxLength={120}
          value={section.title}
          readOnly={readOnly}
          error={errors[`${path}.title`]}
          onChange={(title) => edit.edit((d) => updateSection(d, index, { title }))}
        />
        <div class="field">
          <label for={`sec-${section.id}-focus`}>Focus</label>
          <select
            id={`sec-${section.id}-focus`}
            value={section.focus}
            disabled={readOnly}
            onChange={(e) => {
              // Read the event now: the edit runs later, inside a transaction.
              const focus = SectionFocus.parse(e.currentTarget.value);
              edit.edit((d) => updateSection(d, index, { focus }));
            }}
          >
            {sectionFocuses.map((f) => (
              <option key={f} value={f}>
                {focusLabels[f]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {errors[`${path}.lookFors`] && <p class="field-error">{errors[`${path}.lookFors`]}</p>}
      <ol class="editor-look-fors" ref={list} data-section={index}>
        {section.lookFors.map((lookFor, i) => (
          <LookForEditor
            key={lookFor.id}
            lookFor={lookFor}
            section={index}
            index={i}
            count={section.lookFors.length}
            {...edit}
          />
        ))}
      </ol>
      <button
        type="button"
        class="button"
        disabled={readOnly}
        onClick={() => edit.edit((d) => addLookFor(d, index, newId))}
      >
        Add look-for
      </button>
    </section>
  );
}
