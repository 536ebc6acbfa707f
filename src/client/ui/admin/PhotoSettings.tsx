import { useEffect, useState } from 'preact/hooks';
import { useReadyToReveal } from '../shell/reveal-together';
import { photoSetting, resultsOptions, setPhotoSetting } from '../../account/admin-api';

interface Row {
  id: string;
  name: string;
  photosAllowed: boolean;
}

/**
 * Whether observers may keep photos of student work in each school (on by default).
 * The people who decide a school's sharing decide this too: its principal, or a
 * district admin for any school. Turned off, "Add photo" leaves every screen and the
 * server refuses uploads; photos already kept stay until their notes go.
 */
export function PhotoSettings() {
  const [schools, setSchools] = useState<Row[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  useReadyToReveal(loaded);
  useEffect(() => {
    void (async () => {
      await load();
      setLoaded(true);
    })();
    async function load() {
      const options = await resultsOptions();
      if (!options.ok) {
        setProblem(options.message);
        return;
      }
      const rows: Row[] = [];
      for (const s of options.value.schools.filter((x) => x.mayChangeSharing)) {
        const setting = await photoSetting(s.id);
        if (!setting.ok) {
          setProblem(setting.message);
          return;
        }
        rows.push({ id: s.id, name: s.name, photosAllowed: setting.value.photosAllowed });
      }
      setSchools(rows);
    }
  }, []);
  const change = async (schoolId: string, allowed: boolean) => {
    const result = await setPhotoSetting(schoolId, allowed);
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    setProblem(null);
    setSchools((all) =>
      all.map((s) => (s.id === schoolId ? { ...s, photosAllowed: result.value.photosAllowed } : s)),
    );
  };
  if (schools.length === 0 && !problem) return null;
  return (
    <section class="admin-section" aria-labelledby="photos-setting-title">
      <h3 id="photos-setting-title">Photos of student work</h3>
      <p class="muted">
        Observers may add photos of the work they see (never faces or names) while this is on.
      </p>
      {schools.map((s) => (
        <label class="check" key={s.id}>
          <input
            type="checkbox"
            checked={s.photosAllowed}
            onChange={(e) => void change(s.id, e.currentTarget.checked)}
          />
          Allow photos in {s.name}
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
