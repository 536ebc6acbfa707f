import { useState } from 'preact/hooks';
import { kindLabels, protocolKinds, type ProtocolKind } from '../../../shared/protocol';
import { useServices } from '../app-context';
import { useProtocolEditing } from './use-protocol-editing';
import { SyncBadge } from '../observations/SyncBadge';
import { hrefFor, navigate } from '../shell/route';
import { ImportProtocol } from './ImportProtocol';
import { DISTRICT_VALUE, OwnerChoice, ownerValue, type PickOwner } from './OwnerChoice';
import { ownerName, protocolOwners } from './permissions';
import { useProtocolFamilies } from '../../data/protocol-hooks';
import { LoadingLine } from '../shell/LoadingLine';

function NewProtocol({ pickOwner }: { pickOwner: PickOwner }) {
  const editing = useProtocolEditing();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ProtocolKind>('blast_walkthrough');
  const [error, setError] = useState('');
  const create = async (event: Event) => {
    event.preventDefault();
    if (!name.trim()) {
      setError('Give the protocol a name');
      return;
    }
    setError('');
    const owner = pickOwner();
    if (!owner) return;
    const protocol = await editing.createProtocol(name.trim(), kind, owner.schoolId);
    if (protocol) navigate({ name: 'protocol', id: protocol.id, version: protocol.version });
  };
  return (
    <form class="new-protocol" onSubmit={(e) => void create(e)} noValidate>
      <div class="field">
        <label for="new-protocol-name">New protocol name</label>
        <input
          id="new-protocol-name"
          value={name}
          maxLength={120}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'new-protocol-error' : undefined}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        {error && (
          <p class="field-error" id="new-protocol-error">
            {error}
          </p>
        )}
      </div>
      <div class="field">
        <label for="new-protocol-kind">Kind</label>
        <select
          id="new-protocol-kind"
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as ProtocolKind)}
        >
          {protocolKinds.map((k) => (
            <option key={k} value={k}>
              {kindLabels[k]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button primary">
        Create protocol
      </button>
    </form>
  );
}

export function ProtocolLibrary() {
  const { store } = useServices();
  const families = useProtocolFamilies(store);
  const owners = protocolOwners(store.user);
  const [owner, setOwner] = useState(() =>
    owners.length === 1 ? ownerValue(owners[0]!) : store.user.districtAdmin ? DISTRICT_VALUE : '',
  );
  const [ownerError, setOwnerError] = useState('');
  const pickOwner: PickOwner = () => {
    const chosen = owners.find((o) => ownerValue(o) === owner);
    setOwnerError(chosen ? '' : 'Choose the school this protocol belongs to');
    if (!chosen) document.getElementById('protocol-owner')?.focus();
    return chosen ? { schoolId: chosen.schoolId } : undefined;
  };
  return (
    <section class="screen" aria-labelledby="library-title">
      <h2 id="library-title">Protocols</h2>
      <p class="muted">
        Published versions never change; editing makes a new version, and observations keep the
        version they used.
      </p>
      {owners.length > 0 && (
        <div class="library-actions">
          <OwnerChoice
            owners={owners}
            value={owner}
            error={ownerError}
            onChange={(value) => {
              setOwner(value);
              setOwnerError('');
            }}
          />
          <NewProtocol pickOwner={pickOwner} />
          <ImportProtocol pickOwner={pickOwner} />
        </div>
      )}
      {families === undefined ? (
        <LoadingLine />
      ) : (
        <ul class="cards">
          {families.map((family) => (
            <li key={family.id} class="family">
              <h3>{family.name || 'Untitled protocol'}</h3>
              <p class="muted">
                {kindLabels[family.versions[0]!.protocol.kind]} ·{' '}
                {family.versions[0]!.builtin
                  ? 'Starter library'
                  : ownerName(store.user, family.versions[0]!.protocol.schoolId)}
              </p>
              <ul class="versions-list">
                {family.versions.map((v) => (
                  <li key={v.protocol.version}>
                    <a
                      class="card"
                      href={hrefFor({
                        name: 'protocol',
                        id: family.id,
                        version: v.protocol.version,
                      })}
                    >
                      <span class="card-title">
                        Version {v.protocol.version} ·{' '}
                        {v.builtin ? 'Starter library' : v.protocol.status}
                      </span>
                      <span class="card-meta">
                        {v.protocol.sections.reduce((n, s) => n + s.lookFors.length, 0)} look-fors
                      </span>
                      {!v.builtin && <SyncBadge state={v.syncState} />}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
