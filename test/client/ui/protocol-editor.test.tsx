// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { LookforDb } from '../../../src/client/data/db';
import { parseStoredProtocol, type Protocol } from '../../../src/shared/protocol';
import { renderApp } from '../../support/render-app';

let db: LookforDb;
afterEach(() => {
  cleanup();
  db?.close();
});

async function storedProtocols(): Promise<Protocol[]> {
  const records = await db.records.where('entity').equals('protocol').toArray();
  return records.map((r) => parseStoredProtocol(r.data)!).filter(Boolean);
}

async function seriousViolations(): Promise<string[]> {
  const result = await axe.run(document.body, {
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function createProtocol(name: string) {
  ({ db } = renderApp('#/protocols'));
  fireEvent.input(await screen.findByLabelText('New protocol name'), { target: { value: name } });
  fireEvent.click(screen.getByRole('button', { name: 'Create protocol' }));
  await screen.findByRole('button', { name: 'Publish version 1' });
  await screen.findByRole('heading', { name, level: 2 });
}

async function typeInto(label: string | RegExp, value: string, nth = 0) {
  const fields = await screen.findAllByLabelText(label);
  fireEvent.input(fields[nth]!, { target: { value } });
}

describe('the protocol editor', () => {
  it('builds a protocol, names each problem, and publishes it once fixed', async () => {
    await createProtocol('Lincoln look-fors');
    expect(await seriousViolations()).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Add look-for' }));
    await screen.findByRole('heading', { name: 'Look-for 1' });
    fireEvent.click(screen.getByRole('button', { name: 'Add look-for' }));
    await screen.findByRole('heading', { name: 'Look-for 2' });

    fireEvent.click(screen.getByRole('button', { name: /Publish version 1/ }));
    const problems = await screen.findByRole('alert');
    expect(problems.textContent).toContain('Look-for text is required');
    // Next to each of the two fields, and once each in the summary.
    expect(screen.getAllByText('Look-for text is required')).toHaveLength(4);
    // Each problem names its look-for and jumps to the field.
    fireEvent.click(within(problems).getByRole('button', { name: 'Look-for 2 in section 1' }));
    expect(document.activeElement).toBe(screen.getAllByLabelText('What to look for')[1]);

    await typeInto('Section title', 'Students doing');
    await typeInto('What to look for', 'Students explain their thinking to a peer', 0);
    await typeInto('What to look for', 'Level of the task', 1);
    fireEvent.change(screen.getAllByLabelText('Response')[1]!, { target: { value: 'scale' } });
    await screen.findByLabelText('Level 3');
    await typeInto('Tags', 'Collaborative', 0);
    fireEvent.click(screen.getAllByRole('button', { name: 'Add tag' })[0]!);
    await screen.findByRole('button', { name: 'Remove tag Collaborative' });

    await waitFor(async () => {
      const [draft] = await storedProtocols();
      expect(draft?.sections[0]?.lookFors.map((l) => l.text)).toEqual([
        'Students explain their thinking to a peer',
        'Level of the task',
      ]);
    });
    expect(await seriousViolations()).toEqual([]);

    // Keyboard reordering: move the second look-for up.
    fireEvent.click(screen.getByRole('button', { name: 'Move look-for 2 up' }));
    await waitFor(async () => {
      const [draft] = await storedProtocols();
      expect(draft?.sections[0]?.lookFors.map((l) => l.text)).toEqual([
        'Level of the task',
        'Students explain their thinking to a peer',
      ]);
    });
    // The editor shows the new order before publishing.
    await waitFor(() =>
      expect(screen.getAllByLabelText<HTMLTextAreaElement>('What to look for')[0]!.value).toBe(
        'Level of the task',
      ),
    );

    // Publishing cannot be undone, so it asks first and changes nothing until confirmed.
    fireEvent.click(screen.getByRole('button', { name: /Publish version 1/ }));
    let dialog = await screen.findByRole('dialog', { name: 'Publish version 1?' });
    expect(dialog.textContent).toContain('cannot be undone');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await storedProtocols())[0]).toMatchObject({ status: 'draft' });
    fireEvent.click(screen.getByRole('button', { name: /Publish version 1/ }));
    dialog = await screen.findByRole('dialog', { name: 'Publish version 1?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Publish' }));
    await screen.findByText('Published version 1. Observers can use it now.');
    expect(screen.queryByRole('dialog')).toBeNull();
    const [published] = await storedProtocols();
    expect(published).toMatchObject({ status: 'published', version: 1 });
    expect(published?.sections[0]?.lookFors[0]).toMatchObject({
      response: {
        kind: 'scale',
        levels: [{ label: 'Not yet' }, { label: 'Emerging' }, { label: 'Evident' }],
      },
    });
    expect(published?.sections[0]?.lookFors[1]?.tags).toEqual(['Collaborative']);
    expect(await db.outbox.count()).toBe(1);
    // The longest flow in this file: room for a busy machine.
  }, 60_000);

  it('previews the protocol the way an observer sees it, without saving taps', async () => {
    await createProtocol('Preview check');
    fireEvent.click(screen.getByRole('button', { name: 'Add look-for' }));
    await typeInto('What to look for', 'Students ask questions', 0);
    await waitFor(async () =>
      expect((await storedProtocols())[0]?.sections[0]?.lookFors[0]?.text).toBe(
        'Students ask questions',
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    const group = await screen.findByRole('group', { name: 'Students ask questions' });
    fireEvent.click(within(group).getByRole('button', { name: 'Seen' }));
    expect(within(group).getByRole('button', { name: 'Seen' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await db.records.where('entity').equals('observation').count()).toBe(0);
    expect(await seriousViolations()).toEqual([]);
  });

  it('duplicates and deletes look-fors, keeping ids unique', async () => {
    await createProtocol('Duplicates');
    fireEvent.click(screen.getByRole('button', { name: 'Add look-for' }));
    await typeInto('What to look for', 'Students use feedback', 0);
    fireEvent.click(await screen.findByRole('button', { name: 'Duplicate look-for 1' }));
    await screen.findByRole('heading', { name: 'Look-for 2' });
    let ids: string[] = [];
    await waitFor(async () => {
      ids = (await storedProtocols())[0]!.sections[0]!.lookFors.map((l) => l.id);
      expect(ids).toHaveLength(2);
    });
    expect(new Set(ids).size).toBe(2);
    fireEvent.click(screen.getByRole('button', { name: 'Delete look-for 1' }));
    await waitFor(async () =>
      expect((await storedProtocols())[0]!.sections[0]!.lookFors.map((l) => l.id)).toEqual([
        ids[1],
      ]),
    );
  });

  it('undoes a deleted look-for from the toast, back in its place', async () => {
    await createProtocol('Undo');
    fireEvent.click(screen.getByRole('button', { name: 'Add look-for' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Add look-for' }));
    await typeInto('What to look for', 'First', 0);
    await typeInto('What to look for', 'Second', 1);
    let texts: string[] = [];
    const stored = async () =>
      (await storedProtocols())[0]!.sections[0]!.lookFors.map((l) => l.text);
    await waitFor(async () => expect((texts = await stored())).toEqual(['First', 'Second']));

    fireEvent.click(screen.getByRole('button', { name: 'Delete look-for 1' }));
    await waitFor(async () => expect(await stored()).toEqual(['Second']));
    const toast = (await screen.findByText(/Deleted look-for 1/)).closest<HTMLElement>('.toast')!;
    expect(toast.textContent).toContain('Deleted look-for 1, "First"');
    fireEvent.click(within(toast).getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await stored()).toEqual(texts));
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    await waitFor(() => expect(screen.getAllByLabelText('What to look for')).toHaveLength(2));
  });

  it('makes a new draft version from a starter protocol and leaves version 1 untouched', async () => {
    ({ db } = renderApp('#/protocols/blast-empowered-learning/v1'));
    fireEvent.click(await screen.findByRole('button', { name: 'Edit as version 2' }));
    await screen.findByText(/Version 2 · Draft/);
    await typeInto('What to look for', 'The learning target is visible to students', 0);
    await waitFor(async () => {
      const [v2] = await storedProtocols();
      expect(v2).toMatchObject({ id: 'blast-empowered-learning', version: 2, status: 'draft' });
      expect(v2?.sections[0]?.lookFors[0]).toMatchObject({
        id: 'learning-target-visible',
        text: 'The learning target is visible to students',
      });
    });
  });
});

describe('importing a protocol', () => {
  async function importFile(name: string, text: string, type: string) {
    ({ db } = renderApp('#/protocols'));
    const input = (await screen.findByLabelText('Import a file (JSON or CSV)')) as HTMLInputElement;
    const file = new File([text], name, { type });
    fireEvent.change(input, { target: { files: [file] } });
  }

  it('names each problem of an invalid file and changes nothing', async () => {
    await importFile(
      'broken.lookfor.json',
      '{"format": "lookfor-protocol", "formatVersion": 1, "protocol": {}}',
      'application/json',
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Nothing was imported');
    expect(alert.textContent).toContain('broken.lookfor.json');
    expect(await db.records.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('turns a CSV look-for list into a draft to edit', async () => {
    const csv = [
      'section,look-for,hint,response type,levels,tags',
      'Students doing,Students explain their thinking to a peer,Turn-and-talk,seen,,Collaborative',
      'Students doing,Level of the task,,scale,Recall;Apply;Create,',
    ].join('\n');
    await importFile('lincoln-look-fors.csv', csv, 'text/csv');
    await screen.findByText(/Version 1 · Draft/);
    const [draft] = await storedProtocols();
    expect(draft?.sections[0]).toMatchObject({
      title: 'Students doing',
      focus: 'students',
      lookFors: [
        { text: 'Students explain their thinking to a peer', tags: ['Collaborative'] },
        { text: 'Level of the task', response: { kind: 'scale' } },
      ],
    });
  });
});
