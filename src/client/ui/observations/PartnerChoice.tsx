import { useEffect, useState } from 'preact/hooks';
import { loadColleagues, type Colleague } from '../../data/colleagues';

interface Props {
  userId: string;
  schoolId: string;
  value: string;
  onChange: (partnerId: string) => void;
}

/**
 * "Calibrating with": an optional colleague of the chosen school who visits the same
 * room at the same time and records separately. The list is the last one this
 * device saw, so the choice works offline.
 */
export function PartnerChoice({ userId, schoolId, value, onChange }: Props) {
  const [colleagues, setColleagues] = useState<Colleague[] | null>(null);
  useEffect(() => {
    let current = true;
    void loadColleagues(userId).then((list) => current && setColleagues(list));
    return () => {
      current = false;
    };
  }, [userId]);
  const here = (colleagues ?? []).filter((c) => c.schoolId === schoolId);
  // A school change clears a partner who does not work there.
  useEffect(() => {
    if (value && colleagues && !here.some((c) => c.id === value)) onChange('');
  }, [schoolId, colleagues]);
  return (
    <>
      <label for="field-partner">
        Calibrating with <small class="muted">(optional)</small>
      </label>
      <select
        id="field-partner"
        value={value}
        aria-describedby="hint-partner"
        disabled={schoolId === ''}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        <option value="">No one: observing on my own</option>
        {here.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
        {/* Said inside the list, so the form below does not move when the list arrives. */}
        {colleagues !== null && schoolId !== '' && here.length === 0 && (
          <option disabled>No colleagues of this school on this device yet (loads online)</option>
        )}
      </select>
      <p class="muted small" id="hint-partner">
        You both choose each other and record the room separately; your agreement shows under
        Calibration once both have synced.
      </p>
    </>
  );
}
