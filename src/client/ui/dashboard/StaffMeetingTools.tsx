import { useState } from 'preact/hooks';
import type { Summary } from '../../../shared/dashboard';
import type { RoundTargets } from '../../../shared/targets';
import { ProjectorView } from './ProjectorView';
import { TargetForm } from './TargetForm';

/**
 * What a round's results offer for a staff meeting: the projector view for everyone,
 * and the target form for the school's leaders.
 */
export function StaffMeetingTools(props: {
  summary: Summary;
  targets: RoundTargets | null;
  onTargets: (targets: RoundTargets) => void;
}) {
  const { summary, targets, onTargets } = props;
  const [projecting, setProjecting] = useState(false);
  const title = `${summary.scope.schoolName} · ${summary.scope.round?.name ?? summary.scope.protocolName}`;
  return (
    <>
      <button type="button" class="button" onClick={() => setProjecting(true)}>
        Present
      </button>
      {targets?.maySet && (
        <TargetForm rows={summary.lookFors} targets={targets} onSaved={onTargets} />
      )}
      {projecting && (
        <ProjectorView
          title={title}
          rows={summary.lookFors}
          threshold={summary.threshold}
          targets={targets?.targets ?? []}
          onClose={() => setProjecting(false)}
        />
      )}
    </>
  );
}
