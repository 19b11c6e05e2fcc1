import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/core/backend';
import { exportQdpx } from '../../../electron/core/refi/export';
import { applyRefi } from '../../../electron/core/refi/import';
import { readQdpx } from '../../../electron/core/refi/read';
import { tagTree } from '../../../shared/tag-tree';
import { withProject } from '../core/helpers';
import { allRows } from '../share/helpers';
import { richProject } from './helpers';

/** What a REFI round trip must keep, in terms that do not depend on ids the target made itself. */
async function snapshot(b: Backend) {
  const docs = await b.call('documents.list', {});
  const title = new Map(docs.map((d) => [d.id, d.title]));
  const tags = await b.call('tags.list', {});
  const tagName = new Map(tags.map((t) => [t.id, t.name]));
  const claims = await b.call('annotations.list', {});
  const relations = new Map((await b.call('relations.list', {})).map((r) => [r.id, r.name]));
  const links = await b.call('links.list', {});
  const exactOf = new Map(claims.map((c) => [c.id, c.exact]));
  const attrs = await b.call('attributes.list', {});
  const attrName = new Map(attrs.map((a) => [a.id, a.name]));
  const memos = await b.call('memos.list', {});
  return {
    documents: docs.map((d) => [d.hash, d.title, d.outlet, d.author, d.date, d.language]).sort(),
    tree: tagTree(tags).map((r) => `${'  '.repeat(r.depth)}${r.tag.name} ${r.tag.color} ${r.tag.definition}|${r.tag.useWhen}|${r.tag.example}`),
    claims: claims.map((c) => [c.id, title.get(c.documentId), c.start, c.end, c.exact, c.tagIds.map((t) => tagName.get(t)).sort(), c.noteText, c.author]).sort(),
    links: links.map((l) => [l.id, exactOf.get(l.fromId), exactOf.get(l.toId), relations.get(l.relationId), l.noteText]),
    values: (await b.call('attributes.values', {})).map((v) => [title.get(v.ownerId), attrName.get(v.attributeId), v.value]).sort(),
    memos: memos.map((m) => [m.owner.kind, m.text]).sort(),
  };
}

describe('REFI-QDA round trip', () => {
  it('the corpus project exported as .qdpx and imported into an empty project has the same documents, claims, tag tree, notes, links and attributes', async () => {
    const source = await withProject('Source');
    await richProject(source.backend);
    const bytes = await exportQdpx(source.backend.project()!);

    const target = await withProject('Target');
    const file = await readQdpx(bytes);
    const preview = applyRefi(target.backend.project()!, file, 'corpus.qdpx', 'Boris', true);
    expect(preview.applied).toBe(false);
    expect(preview.documents).toEqual({ new: 3, unchanged: 0 });
    expect(preview.claims).toEqual({ new: 2, unchanged: 0 });
    expect(preview.links).toEqual({ new: 1, unchanged: 0 });
    expect(preview.notes.new).toBe(5);
    expect(preview.skipped).toEqual([]);
    expect((await target.backend.call('documents.list', {})).length).toBe(0);

    const applied = applyRefi(target.backend.project()!, file, 'corpus.qdpx', 'Boris', false);
    expect({ ...applied, applied: false }).toEqual(preview);
    const expected = await snapshot(source.backend);
    // The documents' details travel in their sources' Description: two of the three interviews are dated.
    expect(expected.documents.filter((d) => d[4]).length).toBe(2);
    expect(await snapshot(target.backend)).toEqual(expected);
  });

  it('importing the same .qdpx again changes nothing', async () => {
    const source = await withProject('Source');
    await richProject(source.backend);
    const file = await readQdpx(await exportQdpx(source.backend.project()!));
    const target = await withProject('Target');
    applyRefi(target.backend.project()!, file, 'corpus.qdpx', 'Boris', false);
    const before = allRows(target.projectPath);
    const again = applyRefi(target.backend.project()!, file, 'corpus.qdpx', 'Boris', false);
    expect([again.documents.new, again.claims.new, again.tags.new, again.notes.new, again.links.new, again.attributes.new, again.values.new]).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(allRows(target.projectPath)).toEqual(before);
  });
});
