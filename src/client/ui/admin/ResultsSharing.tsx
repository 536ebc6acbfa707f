import { useEffect, useState } from 'preact/hooks';
import { useReadyToReveal } from '../shell/reveal-together';
import { resultsOptions, setResultsSharing, type SharingRow } from '../../account/admin-api';

/**
 * Whether each school shares its walkthrough results with its teachers (on by
 * default). Principals change it for their school, district admins for any.
 */
export function ResultsSharing() {
  const [schools, setSchools] = useState<SharingRow[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  useReadyToReveal(loaded);
  useEffect(() => {
    void resultsOptions().then((r) => {
      setLoaded(true);
      if (r.ok) setSchools(r.value.schools.filter((s) => s.mayChangeSharing));
      else setProblem(r.message);
    });
  }, []);
  const change = async (schoolId: string, share: boolean) => {
    const result = await setResultsSharing(schoolId, share);
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    setProblem(null);
    setSchools((all) =>
      all.map((s) =>
        s.id === schoolId ? { ...s, shareWithStaff: result.value.shareWithStaff } : s,
      ),
    );
  };
  if (schools.length === 0 && !problem) return null;
  return (
    <section class="admin-section" aria-labelledby="sharing-title">
      <h3 id="sharing-title">Results shared with staff</h3>
      <p class="muted">
        Teachers see their school's walkthrough results (aggregates only) while this is on.
      </p>
      {schools.map((s) => (
        <label class="check" key={s.id}>
          <input
            type="checkbox"
            checked={s.shareWithStaff}
            onChange={(e) => void change(s.id, e.currentTarget.checked)}
          />
          Share {s.name}'s results with its teachers
        </label>
      ))}
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
