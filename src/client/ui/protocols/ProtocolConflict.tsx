import { allLookFors, type Protocol } from '../../../shared/protocol';
import type { ProtocolVersionView } from '../../data/protocols';
import { useProtocolEditing } from './use-protocol-editing';
import '../conflict/conflict.css';

function Summary({ protocol }: { protocol: Protocol }) {
  return (
    <p>
      {protocol.name || <em>Untitled</em>} · {protocol.sections.length} sections ·{' '}
      {allLookFors(protocol).length} look-fors · edited{' '}
      {new Date(protocol.updatedAt).toLocaleString()}
    </p>
  );
}

/** Two devices edited the same draft: both are kept until someone chooses. */
export function ProtocolConflict({ view }: { view: ProtocolVersionView }) {
  const editing = useProtocolEditing();
  const ids = view.conflicts.map((c) => c.id);
  return (
    <section class="banner attention" aria-labelledby="protocol-conflict">
      <h3 id="protocol-conflict">This draft was changed on two devices</h3>
      <p>Both versions are kept. Choose the one to keep; editing resumes once you have chosen.</p>
      <div class="versions">
        <article class="version">
          <h4>Current version</h4>
          <Summary protocol={view.protocol} />
          <button
            type="button"
            class="button"
            onClick={() => void editing.keepProtocolVersion(view.protocol, ids)}
          >
            Keep current version
          </button>
        </article>
        {view.conflicts.map((c) => (
          <article class="version" key={c.id}>
            <h4>Other version</h4>
            <Summary protocol={c.data} />
            <button
              type="button"
              class="button"
              onClick={() => void editing.keepProtocolVersion(c.data, ids)}
            >
              Keep this version
            </button>
          </article>
        ))}
      </div>
    </section>
  );
}
