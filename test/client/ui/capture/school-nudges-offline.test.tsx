// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { set } from 'idb-keyval';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveAccount } from '../../../../src/client/data/account';
import { TextAnswer } from '../../../../src/client/ui/capture/TextAnswer';

const SCHOOL = '62000000-0000-4000-8000-000000000001';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('a school’s own judgement words', () => {
  it('are used offline from the copy kept on the device', async () => {
    await saveAccount({
      user: {
        id: '62000000-0000-4000-8000-000000000002',
        name: 'Coach Rivera',
        email: 'rivera@lincoln.example',
        districtAdmin: false,
      },
      memberships: [{ schoolId: SCHOOL, schoolName: 'Lincoln', role: 'coach' }],
    });
    await set('lookfor-nudges', {
      [SCHOOL]: [{ phrase: 'super', suggestion: 'Say what made it super.' }],
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    render(<TextAnswer id="notes" value="" readOnly={false} nudges onChange={() => {}} />);
    const box = screen.getByRole('textbox');
    fireEvent.input(box, { target: { value: 'A super lesson, great pace' } });
    const line = () => document.getElementById('notes-nudge')!.textContent;
    await waitFor(() => expect(line()).toBe('“super” — Say what made it super.'));
  });
});
