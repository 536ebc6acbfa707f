import type { ComponentChildren } from 'preact';
import './conflict.css';

/** A version kept beside the current one after two devices changed the same record. */
export interface KeptVersion<T> {
  id: string;
  data: T;
}

interface Props<T, V extends KeptVersion<T>> {
  /** Id for the heading, unique on the screen. */
  titleId: string;
  /** What happened, e.g. "This draft was changed on two devices". */
  title: string;
  /** What starts again once a version is kept, e.g. "editing" or "planning". */
  resumes: string;
  current: T;
  others: readonly V[];
  /** A short description of one version, so the two can be told apart. */
  summary: (record: T) => ComponentChildren;
  /** The heading of another version; "Other version" unless given. */
  otherLabel?: (other: V) => string;
  /** Keeps the chosen record; the ids are every other version, to be set aside. */
  onKeep: (record: T, otherIds: string[]) => void;
}

/**
 * Both versions side by side; nothing is overwritten until the person picks one.
 * The one chooser for observations, protocol drafts and round plans.
 */
export function VersionChooser<T, V extends KeptVersion<T>>(props: Props<T, V>) {
  const { titleId, title, resumes, current, others, summary, otherLabel, onKeep } = props;
  const ids = others.map((o) => o.id);
  return (
    <section class="banner attention" aria-labelledby={titleId}>
      <h3 id={titleId}>{title}</h3>
      <p>Both versions are kept. Choose the one to keep; {resumes} resumes once you have chosen.</p>
      <div class="versions">
        <article class="version">
          <h4>Current version</h4>
          {summary(current)}
          <button type="button" class="button" onClick={() => onKeep(current, ids)}>
            Keep current version
          </button>
        </article>
        {others.map((other) => (
          <article class="version" key={other.id}>
            <h4>{otherLabel ? otherLabel(other) : 'Other version'}</h4>
            {summary(other.data)}
            <button type="button" class="button" onClick={() => onKeep(other.data, ids)}>
              Keep this version
            </button>
          </article>
        ))}
      </div>
    </section>
  );
}
