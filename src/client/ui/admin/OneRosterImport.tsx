import { useState } from 'preact/hooks';
import type { FieldIssue } from '../../../shared/errors';
import type { RosterImported, RosterPlan } from '../../../shared/oneroster/plan-schema';
import {
  defaultMapping,
  MappingTarget,
  staffRoleLabels,
  staffRoles,
  type RoleMapping,
} from '../../../shared/oneroster/roles';
import { dryRunRoster, importRosterPlan } from '../../account/oneroster-api';
import { readChosenFiles, type ChosenFiles } from './roster-files';
import { RosterPlanSummary } from './RosterPlanSummary';
import './oneroster.css';

const targetLabels: Record<MappingTarget, string> = {
  teacher: 'Teacher',
  coach: 'Instructional coach',
  principal: 'Principal',
  skip: 'Not imported',
};

/**
 * OneRoster import: choose the export (a zip, or its CSV files), check the role
 * mapping, read the dry run, then import exactly what it showed.
 */
export function OneRosterImport({ onImported }: { onImported?: () => void }) {
  const [chosen, setChosen] = useState<ChosenFiles | null>(null);
  const [mapping, setMapping] = useState<RoleMapping>(defaultMapping);
  const [plan, setPlan] = useState<{ plan: RosterPlan; planId: string } | null>(null);
  const [problem, setProblem] = useState<{ message: string; details: FieldIssue[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<RosterImported | null>(null);

  const dryRun = async (files: ChosenFiles, map: RoleMapping) => {
    setPlan(null);
    setDone(null);
    setProblem(null);
    if (files.problem) {
      setProblem({ message: files.problem, details: [] });
      return;
    }
    setBusy(true);
    const result = await dryRunRoster({ files: files.files, mapping: map });
    setBusy(false);
    if (!result.ok) setProblem({ message: result.message, details: result.details });
    else if (result.value.plan && result.value.planId)
      setPlan({ plan: result.value.plan, planId: result.value.planId });
  };

  const onFiles = async (list: File[]) => {
    const files = await readChosenFiles(list);
    setChosen(files);
    await dryRun(files, mapping);
  };

  const onMap = (role: keyof RoleMapping, target: MappingTarget) => {
    const next = { ...mapping, [role]: target };
    setMapping(next);
    if (chosen) void dryRun(chosen, next);
  };

  const onImport = async () => {
    if (!chosen || !plan) return;
    setBusy(true);
    const result = await importRosterPlan({ files: chosen.files, mapping, planId: plan.planId });
    setBusy(false);
    if (!result.ok) {
      setProblem({ message: result.message, details: result.details });
      return;
    }
    setPlan(null);
    setDone(result.value);
    onImported?.();
  };

  return (
    <section class="admin-section oneroster" aria-labelledby="oneroster-title">
      <h3 id="oneroster-title">Import from OneRoster</h3>
      <p class="muted">
        Your SIS’s OneRoster 1.1 or 1.2 export: the zip, or manifest.csv, orgs.csv, users.csv and
        roles.csv chosen together. Schools come from orgs; staff from users. Students and families
        are never imported. Nothing is written until you press Import.
      </p>
      <div>
        <label class="button" for="oneroster-files">
          Choose export files (zip or CSV)
        </label>
        <input
          id="oneroster-files"
          class="visually-hidden"
          type="file"
          multiple
          accept=".zip,.csv,application/zip,text/csv"
          onChange={(e) => {
            const list = [...(e.currentTarget.files ?? [])];
            e.currentTarget.value = '';
            if (list.length > 0) void onFiles(list);
          }}
        />
        {chosen && chosen.found.length > 0 && (
          <p class="muted oneroster-found">Read: {chosen.found.join(', ')}</p>
        )}
      </div>
      <fieldset class="oneroster-mapping">
        <legend>OneRoster role → Lookfor role</legend>
        {staffRoles.map((role) => (
          <div class="field" key={role}>
            <label for={`map-${role}`}>{staffRoleLabels[role]}</label>
            <select
              id={`map-${role}`}
              value={mapping[role]}
              onChange={(e) => {
                const target = MappingTarget.safeParse(e.currentTarget.value);
                if (target.success) onMap(role, target.data);
              }}
            >
              {(Object.keys(targetLabels) as MappingTarget[]).map((t) => (
                <option key={t} value={t}>
                  {targetLabels[t]}
                </option>
              ))}
            </select>
          </div>
        ))}
      </fieldset>
      <p class="muted">No import makes a district admin.</p>
      {busy && <p role="status">Checking…</p>}
      {problem && (
        <div class="banner attention" role="alert">
          <h4>{problem.message}</h4>
          {problem.details.length > 0 && (
            <ul class="oneroster-problems">
              {problem.details.map((p, i) => (
                <li key={i}>
                  {p.path}: {p.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {plan && (
        <div class="oneroster-dry-run" aria-labelledby="dry-run-title">
          <h4 id="dry-run-title">Dry run: nothing is written yet</h4>
          <RosterPlanSummary plan={plan.plan} />
          <button
            type="button"
            class="button primary"
            disabled={busy}
            onClick={() => void onImport()}
          >
            Import
          </button>
        </div>
      )}
      {done && (
        <div class="banner" role="status">
          <h4>
            Imported: {done.plan.add.length} added, {done.plan.change.length} changed,{' '}
            {done.plan.deactivate.length} deactivated.
          </h4>
          {done.invites.length > 0 &&
            (done.emailOn ? (
              <p>Each new person was emailed an invite.</p>
            ) : (
              <>
                <p>Email is off on this server: send each invite link yourself.</p>
                <ul class="oneroster-links">
                  {done.invites.map((i) => (
                    <li key={i.sourceId}>
                      {i.name} ({i.email}):{' '}
                      <code>{new URL(i.link, window.location.origin).href}</code>
                    </li>
                  ))}
                </ul>
              </>
            ))}
        </div>
      )}
    </section>
  );
}
