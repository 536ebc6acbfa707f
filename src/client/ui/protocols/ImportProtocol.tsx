import { useState } from 'preact/hooks';
import { parseLookForCsv } from '../../../shared/protocol-csv';
import type { ImportProblem } from '../../../shared/import-problem';
import { parseProtocolFile } from '../../../shared/protocol-file';
import { useServices } from '../app-context';
import { useProtocolEditing } from './use-protocol-editing';
import { navigate } from '../shell/route';
import type { PickOwner } from './OwnerChoice';

const MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * Imports a protocol file (JSON) or a look-for list (CSV) as a new draft of the
 * chosen school. A file that is not valid changes nothing, and every problem is named.
 */
export function ImportProtocol({ pickOwner }: { pickOwner: PickOwner }) {
  const { now } = useServices();
  const editing = useProtocolEditing();
  const [problems, setProblems] = useState<ImportProblem[]>([]);

  const onFile = async (file: File) => {
    const owner = pickOwner();
    if (!owner) return;
    if (file.size > MAX_FILE_BYTES) {
      setProblems([{ file: file.name, where: 'file', message: 'The file is larger than 2 MB' }]);
      return;
    }
    const text = await file.text();
    const isCsv = /\.csv$/i.test(file.name) || file.type === 'text/csv';
    const result = isCsv
      ? parseLookForCsv(text, file.name, {
          name:
            file.name
              .replace(/\.csv$/i, '')
              .replace(/[-_]+/g, ' ')
              .trim() || 'Imported look-fors',
          kind: 'blast_walkthrough',
          now: now(),
          idSuffix: crypto.randomUUID().slice(0, 6),
        })
      : parseProtocolFile(text, file.name);
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    setProblems([]);
    const draft = await editing.importProtocol(result.protocol, owner.schoolId);
    if (draft) navigate({ name: 'protocol', id: draft.id, version: draft.version });
  };

  return (
    <div class="import">
      <label class="button" for="import-file">
        Import a file (JSON or CSV)
      </label>
      <input
        id="import-file"
        class="visually-hidden"
        type="file"
        accept=".json,.csv,application/json,text/csv"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void onFile(file);
        }}
      />
      {problems.length > 0 && (
        <div class="banner attention" role="alert">
          <h3>Nothing was imported</h3>
          <ul>
            {problems.slice(0, 50).map((p, i) => (
              <li key={i}>
                {p.file}, {p.where}: {p.message}
              </li>
            ))}
          </ul>
          {problems.length > 50 && <p>…and {problems.length - 50} more problems.</p>}
        </div>
      )}
    </div>
  );
}
