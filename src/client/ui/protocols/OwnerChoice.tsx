import type { ProtocolOwner } from './permissions';

/** The owner select's value for a district-wide protocol (a school id otherwise). */
export const DISTRICT_VALUE = 'district';

/** The chosen owner (null: district-wide), or undefined when none is chosen yet. */
export type PickOwner = () => { schoolId: string | null } | undefined;

export const ownerValue = (owner: ProtocolOwner) => owner.schoolId ?? DISTRICT_VALUE;

/**
 * Which school a new or imported protocol belongs to. One possible owner is simply
 * named; several (a coach in two schools, a district admin) are a choice.
 */
export function OwnerChoice({
  owners,
  value,
  error,
  onChange,
}: {
  owners: ProtocolOwner[];
  value: string;
  error: string;
  onChange: (value: string) => void;
}) {
  if (owners.length === 1) {
    return <p class="muted owner-note">New protocols belong to {owners[0]!.name}.</p>;
  }
  return (
    <div class="field">
      <label for="protocol-owner">Belongs to</label>
      <select
        id="protocol-owner"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'protocol-owner-error' : undefined}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        <option value="">Choose a school</option>
        {owners.map((o) => (
          <option key={ownerValue(o)} value={ownerValue(o)}>
            {o.name}
          </option>
        ))}
      </select>
      {error && (
        <p class="field-error" id="protocol-owner-error">
          {error}
        </p>
      )}
    </div>
  );
}
