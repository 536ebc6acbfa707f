import { useState } from 'preact/hooks';
import { kindLabels, protocolKinds, type Protocol, ProtocolKind } from '../../../shared/protocol';
import { addSection, deleteLookFor, restoreLookFor } from '../../../shared/protocol-edits';
import type { LookFor } from '../../../shared/protocol';
import { exportProtocolFile } from '../../../shared/protocol-file';
import type { ResponseValue } from '../../../shared/response';
import type { ProtocolVersionView } from '../../data/protocols';
import { useServices } from '../app-context';
import { ConfirmDialog } from '../dialogs/ConfirmDialog';
import { UndoToast } from '../dialogs/UndoToast';
import { useProtocolEditing } from './use-protocol-editing';
import { ProtocolSheet } from '../capture/ProtocolSheet';
import { SyncBadge } from '../observations/SyncBadge';
import { download } from '../shell/download';
import { RejectionBanner } from '../shell/RejectionBanner';
import { hrefFor, navigate } from '../shell/route';
import { BufferedField } from './BufferedField';
import { canEditProtocol, ownerName } from './permissions';
import { ProtocolConflict } from './ProtocolConflict';
import { byPath, publishCheck } from './publish-check';
import { PublishProblems } from './PublishProblems';
import { SectionEditor } from './SectionEditor';
import { SuggestedTags } from './TagsEditor';
import { useOutline } from './use-outline';
import { useProtocolFamilies, useProtocolVersion } from '../../data/protocol-hooks';

const newId = () => crypto.randomUUID().slice(0, 6);

/** A deleted look-for and its place, kept so the delete can be undone. */
interface Deleted {
  sectionId: string;
  index: number;
  lookFor: LookFor;
  label: string;
}

const statusLabel = (view: ProtocolVersionView) =>
  view.builtin
    ? 'Starter library'
    : view.protocol.status === 'draft'
      ? 'Draft'
      : view.protocol.status === 'published'
        ? 'Published'
        : 'Archived';

export function ProtocolEditor({ id, version }: { id: string; version: number }) {
  const { store, now } = useServices();
  const editing = useProtocolEditing();
  const view = useProtocolVersion(store, id, version);
  const families = useProtocolFamilies(store);
  const [showErrors, setShowErrors] = useState(false);
  const [preview, setPreview] = useState(false);
  const [answers, setAnswers] = useState<Record<string, ResponseValue>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [deleted, setDeleted] = useState<Deleted | null>(null);
  const outline = useOutline();

  if (view === undefined) return <p class="screen muted">Loading…</p>;
  if (view === null) {
    return (
      <section class="screen">
        <h2>Protocol not found</h2>
        <p>
          Version {version} of {id} is not on this device.{' '}
          <a href={hrefFor({ name: 'protocols' })}>Back to protocols</a>
        </p>
      </section>
    );
  }
  const protocol = view.protocol;
  const mayEdit = canEditProtocol(store.user, protocol.schoolId);
  const isDraft = protocol.status === 'draft' && !view.builtin;
  const readOnly = !isDraft || view.conflicts.length > 0 || !mayEdit;
  const problems = isDraft ? publishCheck(protocol) : [];
  const errors = showErrors ? byPath(problems) : {};
  const edit = (change: (d: Protocol) => Protocol) => void editing.updateDraft(id, version, change);
  const family = families?.find((f) => f.id === id);
  const newest = family?.versions[0]?.protocol.version === version;

  const onPublish = () => {
    setShowErrors(true);
    if (problems.length > 0) {
      document.getElementById('publish-problems')?.focus();
      return;
    }
    setConfirming(true);
  };
  const publish = async () => {
    setConfirming(false);
    if (await editing.publish(protocol))
      setNotice(`Published version ${version}. Observers can use it now.`);
  };
  const deleteOne = (sectionIndex: number, index: number) => {
    // The look-for is taken from the stored draft as it is deleted, never from a render
    // that may be a keystroke behind, so Undo brings back exactly what was there.
    let taken: Deleted | null = null;
    void editing
      .updateDraft(id, version, (d) => {
        const section = d.sections[sectionIndex];
        const lookFor = section?.lookFors[index];
        if (!section || !lookFor) return d;
        const words = lookFor.text ? `, "${lookFor.text.slice(0, 40)}"` : '';
        const label = `look-for ${index + 1}${words}`;
        taken = { sectionId: section.id, index, lookFor, label };
        return deleteLookFor(d, sectionIndex, index);
      })
      .then(() => taken && setDeleted(taken));
  };
  const undoDelete = (undo: Deleted) => {
    setDeleted(null);
    void editing
      .updateDraft(id, version, (d) => restoreLookFor(d, undo.sectionId, undo.index, undo.lookFor))
      .then(() => outline.jump(`lf-${undo.lookFor.id}-text`));
  };
  const onNewVersion = async () => {
    const draft = await editing.startNextVersion(id);
    if (draft) navigate({ name: 'protocol', id, version: draft.version });
  };

  return (
    <section class="screen editor" aria-labelledby="editor-title">
      <header class="capture-head">
        <div>
          <h2 id="editor-title">{protocol.name || 'Untitled protocol'}</h2>
          <p class="muted">
            {kindLabels[protocol.kind]} · Version {protocol.version} · {statusLabel(view)}
            {!view.builtin && ` · ${ownerName(store.user, protocol.schoolId)}`}
          </p>
        </div>
        <SyncBadge state={view.syncState} />
      </header>
      <div class="toolbar">
        <a class="button quiet" href={hrefFor({ name: 'protocols' })}>
          All protocols
        </a>
        <button
          type="button"
          class="button"
          aria-pressed={preview}
          onClick={() => setPreview(!preview)}
        >
          {preview ? 'Back to editing' : 'Preview'}
        </button>
        {isDraft && !preview && (
          <button
            type="button"
            class="button"
            aria-pressed={outline.on}
            onClick={() => outline.setOn(!outline.on)}
          >
            Outline
          </button>
        )}
        <button
          type="button"
          class="button"
          onClick={() =>
            download(
              `${protocol.id}-v${protocol.version}.lookfor.json`,
              exportProtocolFile(protocol, now()),
            )
          }
        >
          Export file
        </button>
        {isDraft && !readOnly && (
          <button type="button" class="button primary" onClick={onPublish}>
            Publish version {version}
          </button>
        )}
        {!isDraft && newest && mayEdit && protocol.status !== 'archived' && (
          <button type="button" class="button primary" onClick={() => void onNewVersion()}>
            Edit as version {version + 1}
          </button>
        )}
        {!isDraft && !view.builtin && protocol.status === 'published' && mayEdit && (
          <button type="button" class="button quiet" onClick={() => void editing.archive(protocol)}>
            Archive
          </button>
        )}
      </div>

      {notice && (
        <p class="banner ok" role="status">
          {notice}
        </p>
      )}
      <RejectionBanner
        title="The server did not accept this version"
        rejections={view.rejections}
      />
      {view.conflicts.length > 0 && <ProtocolConflict view={view} />}
      {showErrors && problems.length > 0 && (
        <PublishProblems protocol={protocol} problems={problems} onJump={outline.jump} />
      )}
      {confirming && (
        <ConfirmDialog
          title={`Publish version ${version}?`}
          confirmLabel="Publish"
          onConfirm={() => void publish()}
          onCancel={() => setConfirming(false)}
        >
          <p>
            Observers can use it as soon as it syncs. This cannot be undone: a published version
            never changes. To change it later, you edit it as version {version + 1}.
          </p>
        </ConfirmDialog>
      )}
      {deleted && (
        <UndoToast
          message={`Deleted ${deleted.label}`}
          onUndo={() => undoDelete(deleted)}
          onDismiss={() => setDeleted(null)}
        />
      )}

      {preview || !isDraft ? (
        <>
          {protocol.purpose && <p class="purpose">{protocol.purpose}</p>}
          {preview && (
            <p class="muted">Preview: this is what an observer sees. Taps here are not saved.</p>
          )}
          <ProtocolSheet
            protocol={protocol}
            responses={answers}
            disabled={!preview}
            onChange={(lookForId, value) =>
              setAnswers((current) => {
                const next = { ...current };
                if (value === null) delete next[lookForId];
                else next[lookForId] = value;
                return next;
              })
            }
          />
        </>
      ) : (
        <div class="editor-body">
          <SuggestedTags />
          <BufferedField
            id="protocol-name"
            label="Name"
            maxLength={120}
            value={protocol.name}
            readOnly={readOnly}
            error={errors.name}
            onChange={(name) => edit((d) => ({ ...d, name }))}
          />
          <BufferedField
            id="protocol-purpose"
            label="Purpose (shared with staff)"
            multiline
            maxLength={2000}
            value={protocol.purpose}
            readOnly={readOnly}
            error={errors.purpose}
            onChange={(purpose) => edit((d) => ({ ...d, purpose }))}
          />
          <div class="field">
            <label for="protocol-kind">Kind</label>
            <select
              id="protocol-kind"
              value={protocol.kind}
              disabled={readOnly}
              onChange={(e) => {
                // Read the event now: the edit runs later, inside a transaction.
                const kind = ProtocolKind.parse(e.currentTarget.value);
                edit((d) => ({ ...d, kind }));
              }}
            >
              {protocolKinds.map((k) => (
                <option key={k} value={k}>
                  {kindLabels[k]}
                </option>
              ))}
            </select>
          </div>
          {errors.sections && <p class="field-error">{errors.sections}</p>}
          {protocol.sections.map((section, i) => (
            <SectionEditor
              key={section.id}
              section={section}
              index={i}
              count={protocol.sections.length}
              errors={errors}
              readOnly={readOnly}
              newId={newId}
              edit={edit}
              deleteLookFor={deleteOne}
              outline={outline}
            />
          ))}
          <button
            type="button"
            class="button"
            disabled={readOnly}
            onClick={() => edit((d) => addSection(d, newId))}
          >
            Add section
          </button>
          <p class="saved-note muted">Every change is saved on this device as you type.</p>
        </div>
      )}
    </section>
  );
}
