import {
  responseKindLabels,
  type LookFor,
  type Protocol,
  responseKinds,
} from '../../../shared/protocol';
import {
  duplicateLookFor,
  moveLookFor,
  responseOfKind,
  updateLookFor,
} from '../../../shared/protocol-edits';
import { BufferedField } from './BufferedField';
import { FoldedLookFor } from './FoldedLookFor';
import { ItemActions } from './ItemActions';
import { NamedValuesEditor } from './NamedValuesEditor';
import { TagsEditor } from './TagsEditor';
import type { Outline } from './use-outline';

export interface EditProps {
  errors: Record<string, string>;
  readOnly: boolean;
  newId: () => string;
  edit: (change: (draft: Protocol) => Protocol) => void;
  /** Deletes a look-for and offers to undo it. */
  deleteLookFor: (section: number, index: number) => void;
  /** The outline view: which look-fors are folded to one line. */
  outline: Outline;
}

interface Props extends EditProps {
  lookFor: LookFor;
  section: number;
  index: number;
  count: number;
}

export function LookForEditor({
  lookFor,
  section,
  index,
  count,
  errors,
  readOnly,
  newId,
  edit,
  deleteLookFor,
  outline,
}: Props) {
  const path = `sections.${section}.lookFors.${index}`;
  const id = `lf-${lookFor.id}`;
  const what = `look-for ${index + 1}`;
  if (outline.isFolded(lookFor.id)) {
    const hasProblem = Object.keys(errors).some((key) => key.startsWith(`${path}.`));
    return (
      <FoldedLookFor
        lookFor={lookFor}
        index={index}
        draggable={!readOnly}
        hasProblem={hasProblem}
        onOpen={() => outline.toggle(lookFor.id)}
      />
    );
  }
  const patch = (p: Partial<Omit<LookFor, 'id'>>) =>
    edit((d) => updateLookFor(d, section, index, p));
  const response = lookFor.response;
  return (
    <li class="editor-card look-for-editor" id={`${id}-editor`}>
      <div class="editor-card-head">
        {!readOnly && (
          <span class="drag-handle" title="Drag to move" aria-hidden="true">
            ⠿
          </span>
        )}
        <h4>Look-for {index + 1}</h4>
        {outline.on && (
          <button
            type="button"
            class="button quiet small"
            aria-expanded="true"
            aria-controls={`${id}-editor`}
            onClick={() => outline.toggle(lookFor.id)}
          >
            Fold<span class="visually-hidden"> {what}</span>
          </button>
        )}
        <ItemActions
          what={what}
          index={index}
          count={count}
          disabled={readOnly}
          onMove={(to) => edit((d) => moveLookFor(d, { section, index }, { section, index: to }))}
          onDuplicate={() => edit((d) => duplicateLookFor(d, section, index, newId))}
          onDelete={() => deleteLookFor(section, index)}
        />
      </div>
      <BufferedField
        id={`${id}-text`}
        label="What to look for"
        multiline
        maxLength={300}
        value={lookFor.text}
        readOnly={readOnly}
        placeholder="Something you can see or hear, e.g. Students explain their thinking to a peer"
        error={errors[`${path}.text`]}
        onChange={(text) => patch({ text })}
      />
      <BufferedField
        id={`${id}-hint`}
        label="What it looks like / sounds like (optional)"
        maxLength={500}
        value={lookFor.hint ?? ''}
        readOnly={readOnly}
        error={errors[`${path}.hint`]}
        onChange={(hint) => patch({ hint })}
      />
      <div class="field">
        <label for={`${id}-kind`}>Response</label>
        <select
          id={`${id}-kind`}
          value={response.kind}
          disabled={readOnly}
          onChange={(e) => {
            const value = e.currentTarget.value;
            const kind = responseKinds.find((k) => k === value) ?? 'seen';
            patch({ response: responseOfKind(kind, response, newId) });
          }}
        >
          {Object.entries(responseKindLabels).map(([kind, label]) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {response.kind === 'scale' && (
        <NamedValuesEditor
          idPrefix={`${id}-level`}
          what="Level"
          values={response.levels}
          errors={errors}
          errorPath={`${path}.response.levels`}
          readOnly={readOnly}
          newId={newId}
          onChange={(levels) => patch({ response: { ...response, levels } })}
        />
      )}
      {response.kind === 'choice' && (
        <>
          <label class="check">
            <input
              type="checkbox"
              checked={response.multiple}
              disabled={readOnly}
              onChange={(e) =>
                patch({ response: { ...response, multiple: e.currentTarget.checked } })
              }
            />
            Observers may choose more than one
          </label>
          <NamedValuesEditor
            idPrefix={`${id}-option`}
            what="Option"
            values={response.options}
            errors={errors}
            errorPath={`${path}.response.options`}
            readOnly={readOnly}
            newId={newId}
            onChange={(options) => patch({ response: { ...response, options } })}
          />
        </>
      )}
      <TagsEditor
        id={`${id}-tags`}
        tags={lookFor.tags}
        readOnly={readOnly}
        error={errors[`${path}.tags`]}
        onChange={(tags) => patch({ tags })}
      />
    </li>
  );
}
