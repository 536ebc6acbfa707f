import type { RosterPlan } from '../../../shared/oneroster/plan-schema';

const roles = (p: RosterPlan['add'][number]) =>
  p.assignments.map((a) => `${a.role}, ${a.schoolName}`).join('; ');

/** The dry run in words: counts first, then who, so an admin checks before importing. */
export function RosterPlanSummary({ plan }: { plan: RosterPlan }) {
  const schools = plan.schools.add.length + plan.schools.link.length + plan.schools.rename.length;
  return (
    <div class="roster-plan">
      <ul class="roster-counts" aria-label="Dry run summary">
        <li>
          <strong>{plan.add.length}</strong> to add
        </li>
        <li>
          <strong>{plan.change.length}</strong> to change
        </li>
        <li>
          <strong>{plan.deactivate.length}</strong> to deactivate
        </li>
        <li>
          <strong>{plan.unchanged}</strong> unchanged
        </li>
        <li>
          <strong>{plan.skipped.students}</strong> students and families skipped
        </li>
        <li>
          <strong>{plan.skipped.staff}</strong> staff not mapped
        </li>
      </ul>
      <p class="muted">
        OneRoster {plan.version}; users: {plan.modes.users}, orgs: {plan.modes.orgs}.
        {schools > 0 &&
          ` Schools: ${plan.schools.add.length} new, ${plan.schools.link.length} matched by name, ${plan.schools.rename.length} renamed.`}
      </p>
      {plan.add.length > 0 && (
        <details open={plan.add.length <= 20}>
          <summary>Added and invited ({plan.add.length})</summary>
          <ul>
            {plan.add.map((p) => (
              <li key={p.sourceId}>
                {p.name} ({p.email}): {roles(p)}
                {p.existingUserId && ' (has an account already)'}
              </li>
            ))}
          </ul>
        </details>
      )}
      {plan.change.length > 0 && (
        <details open={plan.change.length <= 20}>
          <summary>Changed ({plan.change.length})</summary>
          <ul>
            {plan.change.map((p) => (
              <li key={p.sourceId}>
                {p.name}: {p.changes.join('; ')}
              </li>
            ))}
          </ul>
        </details>
      )}
      {plan.deactivate.length > 0 && (
        <details open={plan.deactivate.length <= 20}>
          <summary>Deactivated ({plan.deactivate.length})</summary>
          <ul>
            {plan.deactivate.map((p) => (
              <li key={p.sourceId}>
                {p.name} ({p.email})
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
