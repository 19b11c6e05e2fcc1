import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { addPane, EMPTY_LAYOUT, keepPanes, resizePanes, restoreLayout } from '../../../shared/layout';
import { importCorpus, withProject } from './helpers';

/** Writes a layout into the project file the way an older version of the app left it. */
function saveRawLayout(projectPath: string, json: unknown) {
  const db = new Database(projectPath);
  try {
    db.prepare("INSERT INTO project_meta (key, value) VALUES ('layout', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(JSON.stringify(json));
  } finally {
    db.close();
  }
}

describe('saved splits are proportions', () => {
  it('a layout saved in pixels at 1920 px opens as proportions of the row', async () => {
    const { backend, projectPath } = await withProject();
    const { kazpravda, caravan, zakon } = await importCorpus(backend);
    // Widths in pixels, as a 1920 px window with a sidebar left them: 1100 + 90 + 250 px.
    saveRawLayout(projectPath, {
      panes: [
        { documentId: kazpravda.id, size: 1100, scroll: 0.5 },
        { documentId: caravan.id, size: 90, scroll: 0 },
        { documentId: zakon.id, size: 250 },
      ],
      sidebar: false,
    });
    const layout = await backend.call('layout.get', {});
    expect(layout.sidebar).toBe(false);
    expect(layout.inspector).toBe(true);
    expect(layout.panes.map((p) => p.documentId)).toEqual([kazpravda.id, caravan.id, zakon.id]);
    expect(layout.panes.map((p) => p.scroll)).toEqual([0.5, 0, 0]);
    expect(layout.panes.map((p) => p.share)).toEqual([0.7639, 0.0625, 0.1736]);
    expect(layout.panes.reduce((a, p) => a + p.share, 0)).toBeCloseTo(1, 6);
    // What is read back is a layout today's app can save again unchanged.
    expect(await backend.call('layout.set', layout)).toEqual(layout);
  });

  it('a layout saved with free weights (1, 1.5) opens as the same proportions', () => {
    const a = '00000000-0000-4000-8000-000000000001';
    const b = '00000000-0000-4000-8000-000000000002';
    const restored = restoreLayout({ panes: [{ documentId: a, size: 1, scroll: 0 }, { documentId: b, size: 1.5, scroll: 0 }], sidebar: true });
    expect(restored?.panes.map((p) => p.share)).toEqual([0.4, 0.6]);
  });

  it('a damaged layout opens as none instead of blocking the project', async () => {
    const { backend, projectPath } = await withProject();
    await importCorpus(backend);
    saveRawLayout(projectPath, { panes: [{ documentId: 'not-an-id', size: -3 }] });
    expect(await backend.call('layout.get', {})).toEqual(EMPTY_LAYOUT);
    expect(restoreLayout('{')).toBeNull();
  });

  it('opening, closing and resizing panes keeps the shares adding up to 1', () => {
    const [a, b, c] = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-00000000000c'];
    let layout = [a, b, c].reduce((l, id) => addPane(l, id), EMPTY_LAYOUT);
    expect(layout.panes.map((p) => p.share)).toEqual([0.3333, 0.3333, 0.3334]);
    layout = resizePanes(layout, [2, 1, 1]);
    expect(layout.panes.map((p) => p.share)).toEqual([0.5, 0.25, 0.25]);
    layout = keepPanes(layout, (p) => p.documentId !== a);
    expect(layout.panes.map((p) => p.share)).toEqual([0.5, 0.5]);
    expect(addPane(layout, b)).toBe(layout);
  });

  it('an open view pane is kept with the layout, and an older layout opens without one', async () => {
    const { backend } = await withProject();
    const { kazpravda } = await importCorpus(backend);
    const layout = { ...addPane(EMPTY_LAYOUT, kazpravda.id), view: { kind: 'graph' as const, share: 0.35 } };
    await backend.call('layout.set', layout);
    expect((await backend.call('layout.get', {})).view).toEqual({ kind: 'graph', share: 0.35 });
    expect(restoreLayout({ panes: [], sidebar: true, inspector: true })?.view).toBeNull();
    await expect(backend.call('layout.set', { ...layout, view: { kind: 'graph', share: 2 } })).rejects.toThrow();
  });

  it('connectors hidden and follow-links on are kept with the layout; a layout saved before them shows connectors, not following', async () => {
    const { backend } = await withProject();
    const { kazpravda } = await importCorpus(backend);
    await backend.call('layout.set', { ...addPane(EMPTY_LAYOUT, kazpravda.id), connectors: false, followLinks: true });
    expect(await backend.call('layout.get', {})).toMatchObject({ connectors: false, followLinks: true });
    expect(restoreLayout({ panes: [], sidebar: true, inspector: true, view: null })).toMatchObject({ connectors: true, followLinks: false });
    expect(restoreLayout({ panes: [{ documentId: kazpravda.id, size: 640 }], sidebar: true })).toMatchObject({ connectors: true, followLinks: false });
  });
});
