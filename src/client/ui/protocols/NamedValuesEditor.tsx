import type { NamedValue } from '../../../shared/protocol';
import { slugify } from '../../../shared/protocol-rules';
import { BufferedField } from './BufferedField';

interface Props {
  idPrefix: string;
  what: 'Level' | 'Option';
  values: NamedValue[];
  errors: Record<string, string>;
  errorPath: string;
  readOnly: boolean;
  newId: () => string;
  onChange: (values: NamedValue[]) => void;
}

/** The named levels of a scale or the options of a choice. Ids stay when labels change. */
export function NamedValuesEditor(props: Props) {
  const { idPrefix, what, values, errors, errorPath, readOnly, newId, onChange } = props;
  const listError = errors[errorPath];
  return (
    <fieldset class="named-values">
      <legend>{what === 'Level' ? 'Levels, lowest first' : 'Options'}</legend>
      {values.map((value, i) => (
        <div class="named-value" key={value.id}>
          <BufferedField
            id={`${idPrefix}-${i}`}
            label={`${what} ${i + 1}`}
            value={value.label}
            maxLength={60}
            readOnly={readOnly}
            error={errors[`${errorPath}.${i}.label`]}
            onChange={(label) => onChange(values.map((v, j) => (j === i ? { ...v, label } : v)))}
          />
          <button
            type="button"
            class="button quiet small danger"
            aria-label={`Remove ${what.toLowerCase()} ${i + 1}`}
            disabled={readOnly}
            onClick={() => onChange(values.filter((_, j) => j !== i))}
          >
            Remove
          </button>
        </div>
      ))}
      {listError && <p class="field-error">{listError}</p>}
      <button
        type="button"
        class="button small"
        disabled={readOnly}
        onClick={() =>
          onChange([...values, { id: slugify(what.toLowerCase(), newId(), 40), label: '' }])
        }
      >
        Add {what.toLowerCase()}
      </button>
    </fieldset>
  );
}
