import { useEffect, useState } from 'preact/hooks';
import type { Membership } from '../../../shared/accounts';
import { loadPrefs, savePrefs } from '../../data/prefs';
import { useServices } from '../app-context';

/**
 * The school whose visits are shown: the one chosen last (remembered with the other
 * small preferences), else the first where this person is on the staff. The third
 * value says whether the remembered choice has been read yet.
 */
export function useVisitSchool(): [Membership | undefined, (schoolId: string) => void, boolean] {
  const { store } = useServices();
  const schools = store.user.memberships;
  const [schoolId, setSchoolId] = useState(schools[0]?.schoolId ?? '');
  const [read, setRead] = useState(false);
  useEffect(() => {
    void loadPrefs().then((prefs) => {
      if (schools.some((m) => m.schoolId === prefs.schoolId)) setSchoolId(prefs.schoolId);
      setRead(true);
    });
  }, []);
  const choose = (id: string) => {
    const chosen = schools.find((m) => m.schoolId === id);
    if (!chosen) return;
    setSchoolId(id);
    void loadPrefs().then((prefs) =>
      savePrefs({ ...prefs, schoolId: id, school: chosen.schoolName }),
    );
  };
  return [schools.find((m) => m.schoolId === schoolId), choose, read];
}
