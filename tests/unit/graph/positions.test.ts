/**
 * The claim graph's dragged positions: kept in the project per arrangement, forgotten by Reset
 * layout, not undo steps, and refused (nothing changed) for a node that is not a live claim.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimOn, expectAppError, importCorpus, makeBackend, withProject } from '../core/helpers';

async function twoClaims() {
  const fixture = await withProject();
  const { kazpravda } = await importCorpus(fixture.backend);
  const a = await claimOn(fixture.backend, kazpravda.id, 'Казахстан');
  const { text } = await fixture.backend.call('documents.get', { id: kazpravda.id });
  const b = await fixture.backend.call('annotations.create', { documentId: kazpravda.id, start: a.end + 5, end: a.end + 15, tagIds: [] });
  expect(text.length).toBeGreaterThan(a.end + 15);
  return { ...fixture, a, b };
}

describe('graph positions', () => {
  it('a dragged node keeps its place after the project is closed and opened again, per arrangement', async () => {
    const { backend, home, projectPath, a, b } = await twoClaims();
    await backend.call('graph.place', { arrangement: 'document', positions: [{ nodeId: a.id, x: 120.5, y: -40 }] });
    await backend.call('graph.place', { arrangement: 'document', positions: [{ nodeId: a.id, x: 130, y: -50 }, { nodeId: b.id, x: 0, y: 0 }] });
    await backend.call('graph.place', { arrangement: 'cluster', positions: [{ nodeId: a.id, x: 7, y: 8 }] });
    backend.close();

    const again = makeBackend(home);
    await again.call('project.open', { path: projectPath });
    expect(await again.call('graph.positions', { arrangement: 'document' })).toEqual(
      [
        { nodeId: a.id, x: 130, y: -50 },
        { nodeId: b.id, x: 0, y: 0 },
      ].sort((p, q) => (p.nodeId < q.nodeId ? -1 : 1)),
    );
    expect(await again.call('graph.positions', { arrangement: 'cluster' })).toEqual([{ nodeId: a.id, x: 7, y: 8 }]);
    expect(path.basename(projectPath)).toMatch(/\.crossread$/);
    again.close();
  });

  it('dragging is not an undo step, and Reset layout forgets one arrangement only', async () => {
    const { backend, a } = await twoClaims();
    const before = await backend.call('history.state', {});
    await backend.call('graph.place', { arrangement: 'document', positions: [{ nodeId: a.id, x: 1, y: 1 }] });
    await backend.call('graph.place', { arrangement: 'cluster', positions: [{ nodeId: a.id, x: 2, y: 2 }] });
    expect(await backend.call('history.state', {})).toEqual(before);

    expect(await backend.call('graph.resetLayout', { arrangement: 'document' })).toEqual({ removed: 1 });
    expect(await backend.call('graph.positions', { arrangement: 'document' })).toEqual([]);
    expect(await backend.call('graph.positions', { arrangement: 'cluster' })).toHaveLength(1);
  });

  it('a position for a deleted claim is refused and nothing of the call is kept; deleted claims drop out of the list', async () => {
    const { backend, a, b } = await twoClaims();
    await backend.call('graph.place', { arrangement: 'document', positions: [{ nodeId: b.id, x: 5, y: 5 }] });
    await backend.call('annotations.delete', { id: b.id });
    expect(await backend.call('graph.positions', { arrangement: 'document' })).toEqual([]);
    await expectAppError(
      backend.call('graph.place', { arrangement: 'document', positions: [{ nodeId: a.id, x: 9, y: 9 }, { nodeId: b.id, x: 1, y: 1 }] }),
      'not-found',
    );
    expect(await backend.call('graph.positions', { arrangement: 'document' })).toEqual([]);
  });

  it('refuses coordinates that are not finite numbers and arrangements it does not know', async () => {
    const { backend, a } = await twoClaims();
    for (const bad of [
      { arrangement: 'document', positions: [{ nodeId: a.id, x: Number.NaN, y: 0 }] },
      { arrangement: 'document', positions: [{ nodeId: a.id, x: 1e300, y: 0 }] },
      { arrangement: '../../etc', positions: [{ nodeId: a.id, x: 0, y: 0 }] },
    ]) {
      const r = await backend.dispatch('graph.place', bad);
      expect(r).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    }
    expect(await backend.call('graph.positions', { arrangement: 'document' })).toEqual([]);
  });
});
