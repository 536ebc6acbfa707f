import { useState } from 'preact/hooks';
import { suggestedTags } from '../../../shared/builtin-protocols';

interface Props {
  id: string;
  tags: string[];
  readOnly: boolean;
  error?: string | undefined;
  onChange: (tags: string[]) => void;
}

/** Tags from the Profile of the Graduate and strategic areas, or the school's own. */
export function TagsEditor({ id, tags, readOnly, error, onChange }: Props) {
  const [text, setText] = useState('');
  const add = () => {
    const tag = text.trim();
    if (tag && !tags.includes(tag)) onChange([...tags, tag]);
    setText('');
  };
  return (
    <div class="field tags">
      <label for={id}>Tags</label>
      <ul class="tag-list">
        {tags.map((tag) => (
          <li key={tag} class="tag">
            {tag}
            <button
              type="button"
              class="tag-remove"
              aria-label={`Remove tag ${tag}`}
              disabled={readOnly}
              onClick={() => onChange(tags.filter((t) => t !== tag))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div class="tag-add">
        <input
          id={id}
          list="suggested-tags"
          value={text}
          maxLength={40}
          readOnly={readOnly}
          placeholder="Type or pick a tag"
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button
          type="button"
          class="button small"
          disabled={readOnly || !text.trim()}
          onClick={add}
        >
          Add tag
        </button>
      </div>
      {error && <p class="field-error">{error}</p>}
    </div>
  );
}

/** One datalist for every tag field on the page. */
export function SuggestedTags() {
  return (
    <datalist id="suggested-tags">
      {suggestedTags.map((t) => (
        <option key={t} value={t} />
      ))}
    </datalist>
  );
}
