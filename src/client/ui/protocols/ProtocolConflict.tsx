import { allLookFors, type Protocol } from '../../../shared/protocol';
import type { ProtocolVersionView } from '../../data/protocols';
import { useProtocolEditing } from './use-protocol-editing';
import { VersionChooser } from '../conflict/VersionChooser';

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
  return (
    <VersionChooser
      titleId="protocol-conflict"
      title="This draft was changed on two devices"
      resumes="editing"
      current={view.protocol}
      others={view.conflicts}
      summary={(protocol) => <Summary protocol={protocol} />}
      onKeep={(chosen, ids) => void editing.keepProtocolVersion(chosen, ids)}
    />
  );
}
