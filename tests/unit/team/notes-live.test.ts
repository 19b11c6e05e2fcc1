/**
 * Notes, memos and the dossier summary in a live team: two analysts typing in the same note keep
 * both their words (merged character by character through the shared text, not one version
 * winning), and a note saved while apart that a colleague also changed keeps the colleague's text
 * in the conflicts list.
 */
import { describe, expect, it } from 'vitest';
import { claimOn, importCorpus } from '../core/helpers';
import { connect, converged, eventually, noteJson, settled, team, teamServer } from './helpers';

const K1 = 'Важным итогом визита стало решение о присоединении Казахстана к Соглашениям Авраама.';

/** A Lexical note of several paragraphs. */
function paragraphs(...texts: string[]): string {
  return JSON.stringify({
    root: {
      type: 'root',
      version: 1,
      children: texts.map((text) => ({ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text, format: 0 }] })),
    },
  });
}

async function twoOnOneClaim() {
  const server = await teamServer();
  const [A, B] = await team(server, 'kzteam', 'Aliya', 'Boris');
  const docs = await importCorpus(A!.backend);
  await connect(server, A!);
  const claim = await claimOn(A!.backend, docs.kazpravda.id, K1);
  const first = paragraphs('Визит в Вашингтон.', 'Соглашения Авраама.', 'Экономика.');
  await A!.backend.call('notes.save', { owner: { kind: 'annotation', id: claim.id }, json: first });
  await settled(A!);
  await connect(server, B!);
  await eventually(async () => expect((await B!.backend.call('notes.get', { kind: 'annotation', id: claim.id })).text).toContain('Экономика.'));
  return { server, A: A!, B: B!, claim, first };
}

describe('live team sync: notes edited together', () => {
  it('notes typed concurrently in the same note keep both analysts’ words on both sides, with no conflict', async () => {
    const { A, B, claim, first } = await twoOnOneClaim();
    const owner = { kind: 'annotation' as const, id: claim.id };
    // Both type at once, each in an editor that started from the same note.
    await Promise.all([
      A.backend.call('notes.save', { owner, json: paragraphs('Визит в Вашингтон, ноябрь.', 'Соглашения Авраама.', 'Экономика.'), base: first }),
      B.backend.call('notes.save', { owner, json: paragraphs('Визит в Вашингтон.', 'Соглашения Авраама.', 'Экономика: 17 млрд.'), base: first }),
    ]);
    const want = 'Визит в Вашингтон, ноябрь.\nСоглашения Авраама.\nЭкономика: 17 млрд.';
    for (const side of [A, B]) {
      await eventually(async () => expect((await side.backend.call('notes.get', owner)).text).toBe(want));
    }
    await settled(A);
    await settled(B);
    await converged(A, B);
    expect(await A.backend.call('share.conflicts', {})).toEqual([]);
    expect(await B.backend.call('share.conflicts', {})).toEqual([]);
  });

  it('a save from an editor that had not shown a colleague’s typing yet keeps the colleague’s words', async () => {
    const { A, B, claim, first } = await twoOnOneClaim();
    const owner = { kind: 'annotation' as const, id: claim.id };
    await A.backend.call('notes.save', { owner, json: paragraphs('Визит в Вашингтон.', 'Соглашения Авраама — решение.', 'Экономика.'), base: first });
    await eventually(async () => expect((await B.backend.call('notes.get', owner)).text).toContain('— решение'));
    // B's editor still shows the first note and saves its own change from it.
    await B.backend.call('notes.save', { owner, json: paragraphs('Визит в Вашингтон.', 'Соглашения Авраама.', 'Экономика и энергетика.'), base: first });
    for (const side of [A, B]) {
      await eventually(async () => expect((await side.backend.call('notes.get', owner)).text).toBe('Визит в Вашингтон.\nСоглашения Авраама — решение.\nЭкономика и энергетика.'));
    }
  });

  it('the dossier summary and the project memo are written together too', async () => {
    const { A, B } = await twoOnOneClaim();
    const summary = paragraphs('Итог: присоединение.', 'Риски.');
    await A.backend.call('dossier.summary.save', { json: summary });
    await eventually(async () => expect((await B.backend.call('dossier.summary.get', {}))?.text).toBe('Итог: присоединение.\nРиски.'));
    await settled(B);
    await Promise.all([
      A.backend.call('dossier.summary.save', { json: paragraphs('Итог: присоединение к Соглашениям.', 'Риски.'), base: summary }),
      B.backend.call('dossier.summary.save', { json: paragraphs('Итог: присоединение.', 'Риски: санкции.'), base: summary }),
    ]);
    for (const side of [A, B]) {
      await eventually(async () => expect((await side.backend.call('dossier.summary.get', {}))?.text).toBe('Итог: присоединение к Соглашениям.\nРиски: санкции.'));
    }

    await A.backend.call('memos.save', { owner: { kind: 'project' }, json: noteJson('Вопрос проекта: мотивы.') });
    await eventually(async () => expect((await B.backend.call('memos.get', { owner: { kind: 'project' } })).text).toBe('Вопрос проекта: мотивы.'));
  });

  it('a note saved while apart that a colleague also changed: this side’s text wins, the colleague’s is in the conflicts list', async () => {
    const { A, B, claim, first } = await twoOnOneClaim();
    const owner = { kind: 'annotation' as const, id: claim.id };
    await B.backend.call('team.disconnect', {});
    await A.backend.call('notes.save', { owner, json: paragraphs('Версия Алии.'), base: first });
    await settled(A);
    // Paragraphs the save removed are gone from the shared text too (the saved state leaves out
    // properties the shared editor's export names).
    expect((await A.backend.call('notes.get', owner)).text).toBe('Версия Алии.');
    await B.backend.call('notes.save', { owner, json: paragraphs('Версия Бориса.') });
    const status = await B.backend.call('team.status', {});
    expect(status.pending).toBeGreaterThan(0);
    await B.backend.call('team.connect', { url: status.server!, token: B.token });
    for (const side of [A, B]) {
      await eventually(async () => expect((await side.backend.call('notes.get', owner)).text).toBe('Версия Бориса.'));
    }
    const conflicts = await eventually(async () => {
      const list = await B.backend.call('share.conflicts', {});
      expect(list.length).toBe(1);
      return list;
    });
    expect(JSON.stringify(conflicts[0])).toContain('Версия Алии.');
  });
});
