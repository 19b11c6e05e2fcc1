import { describe, expect, it } from 'vitest';
import { corpusFile, withProject } from './helpers';

describe('edges of the contract that once slipped through', () => {
  it('refuses impossible calendar dates instead of storing them', async () => {
    const { backend } = await withProject();
    const [doc] = (await backend.call('documents.import', { files: [corpusFile('zakon-2026-03-02-badamov.txt')] })).imported;
    for (const date of ['2025-02-30', '2025-13-01', '0000-00-00']) {
      const res = await backend.dispatch('documents.update', { id: doc!.id, patch: { date } });
      expect(res).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    }
    expect((await backend.call('documents.list', {}))[0]!.date).toBe('2026-03-02');
    expect(await backend.dispatch('documents.update', { id: doc!.id, patch: { date: '2024-02-29' } })).toMatchObject({ ok: true });
  });

  it('rejects unknown keys inside import files and layout panes, not only at the top level', async () => {
    const { backend } = await withProject();
    const file = { ...corpusFile('zakon-2026-03-02-badamov.txt'), path: '/etc/passwd' };
    expect(await backend.dispatch('documents.import', { files: [file] })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await backend.call('documents.list', {})).toEqual([]);
    const [doc] = (await backend.call('documents.import', { files: [corpusFile('zakon-2026-03-02-badamov.txt')] })).imported;
    const pane = { documentId: doc!.id, share: 1, scroll: 0, extra: true };
    expect(await backend.dispatch('layout.set', { panes: [pane], sidebar: true })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('keeps only the base name of an imported file, never a path from the request', async () => {
    const { backend } = await withProject();
    const file = { ...corpusFile('zakon-2026-03-02-badamov.txt'), name: '../../etc/zakon.txt' };
    const [doc] = (await backend.call('documents.import', { files: [file] })).imported;
    expect(doc!.sourceName).toBe('zakon.txt');
  });
});
