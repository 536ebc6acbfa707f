import { useEffect, useState } from 'preact/hooks';
import { useReadyToReveal } from '../shell/reveal-together';
import type { NudgeList } from '../../../shared/evidence/nudges';
import { resultsOptions } from '../../account/admin-api';
import { saveSchoolNudges, schoolNudges } from '../../account/nudge-api';
import { keepSchoolNudges } from '../../data/nudges';
import { linesOf, listOf } from './nudge-lines';

interface School {
  id: string;
  name: string;
}

/**
 * The judgement words a school's notes are gently marked for. Decided by those who
 * decide the school's other settings: its principal, or a district admin.
 */
export function NudgeSettings() {
  const [schools, setSchools] = useState<School[]>([]);
  const [schoolId, setSchoolId] = useState('');
  const [words, setWords] = useState<NudgeList>([]);
  const [text, setText] = useState('');
  const [custom, setCustom] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // Ready once the schools are known and, when there is one, its list has come (or failed).
  const [schoolsKnown, setSchoolsKnown] = useState(false);
  const [wordsKnown, setWordsKnown] = useState(false);
  useReadyToReveal(schoolsKnown && (schoolId === '' || wordsKnown));

  useEffect(() => {
    void resultsOptions().then((options) => {
      setSchoolsKnown(true);
      if (!options.ok) return;
      const mine = options.value.schools.filter((s) => s.mayChangeSharing);
      setSchools(mine.map((s) => ({ id: s.id, name: s.name })));
      setSchoolId((id) => id || (mine[0]?.id ?? ''));
    });
  }, []);
  useEffect(() => {
    if (!schoolId) return;
    void schoolNudges(schoolId).then((result) => {
      setWordsKnown(true);
      if (!result.ok) {
        setMessage({ ok: false, text: result.message });
        return;
      }
      setWords(result.value.words);
      setText(linesOf(result.value.words));
      setCustom(result.value.custom);
    });
  }, [schoolId]);

  const save = async () => {
    const result = await saveSchoolNudges(schoolId, listOf(text, words));
    if (!result.ok) {
      const detail = result.details[0]?.message;
      setMessage({ ok: false, text: detail ? `${result.message}: ${detail}` : result.message });
      return;
    }
    await keepSchoolNudges(schoolId, result.value.words);
    setWords(result.value.words);
    setText(linesOf(result.value.words));
    setCustom(true);
    setMessage({ ok: true, text: `Saved ${result.value.words.length} words.` });
  };

  if (schools.length === 0) return null;
  return (
    <section class="admin-section" aria-labelledby="nudges-title">
      <h3 id="nudges-title">Judgement words in notes</h3>
      <p class="muted" id="nudges-hint">
        While someone types a note, these words are gently marked with a suggestion; saving is never
        blocked. One a line: a word or phrase, then a colon and what to write instead.
        {custom ? '' : ' This school uses the starter list.'}
      </p>
      {schools.length > 1 && (
        <>
          <label for="nudges-school">School</label>
          <select
            id="nudges-school"
            value={schoolId}
            onChange={(e) => setSchoolId(e.currentTarget.value)}
          >
            {schools.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </>
      )}
      <label for="nudges-words">Words and suggestions</label>
      <textarea
        id="nudges-words"
        rows={8}
        aria-describedby="nudges-hint"
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <div class="form-actions">
        <button type="button" class="button primary" onClick={() => void save()}>
          Save words
        </button>
      </div>
      {message && (
        <p class={message.ok ? 'muted' : 'field-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
