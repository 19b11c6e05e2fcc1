/**
 * A share import tells the whole truth before anything is written: every conflict it will record
 * is counted by kind, changes to tags, link types and document details are counted, and a file
 * cannot rewrite the project behind a preview that says "0 updated, 0 conflicts".
 */
import { describe, expect, it } from 'vitest';
import { claimOn, expectAppError, importCorpus } from '../core/helpers';
import { allRows, analyst, exportFrom, importInto, type Analyst } from './helpers';

type Json = Record<string, unknown>;
const items = (file: Json) => (file.first as { items: Json[] }).items;
const project = (file: Json) => file['cr:project'] as { tags: Json[]; relations: Json[]; documents: Json[] };

/** An analyst with the corpus and one tagged claim, and their exported file. */
async function annotated(name = 'Aliya'): Promise<{ A: Analyst; file: Json; tagId: string }> {
  const A = await analyst(name);
  const docs = await importCorpus(A.backend);
  const tag = await A.backend.call('tags.create', { name: 'экономика' });
  await claimOn(A.backend, docs.caravan.id, 'стороны подписали коммерческие соглашения', [tag.id]);
  return { A, file: JSON.parse(await exportFrom(A)) as Json, tagId: tag.id };
}

async function refused(A: Analyst, file: Json, message: RegExp): Promise<void> {
  const rows = allRows(A.projectPath);
  for (const dryRun of [true, false]) {
    const err = await expectAppError(importInto(A, 'bad.json', JSON.stringify(file), dryRun), 'bad-input');
    expect(err.message).toMatch(message);
  }
  expect(allRows(A.projectPath)).toEqual(rows);
}

describe('a share import tells the whole truth', () => {
  it('the sample project’s file into a project of the same corpus from files: the preview counts the 3 document-details conflicts the import records', async () => {
    const S = await analyst('Samira');
    await S.backend.call('project.openSample', {});
    const sampleFile = await exportFrom(S);
    const B = await analyst('Boris');
    await importCorpus(B.backend);
    const preview = await importInto(B, 'sample.json', sampleFile, true);
    expect(preview.recorded.document).toBe(3);
    expect(preview.other.documents.conflicts).toBe(3);
    const applied = await importInto(B, 'sample.json', sampleFile);
    expect(applied.recorded).toEqual(preview.recorded);
    const conflicts = await B.backend.call('share.conflicts', {});
    const byKind = (kind: string) => conflicts.filter((c) => c.itemKind === kind).length;
    for (const [kind, n] of Object.entries(preview.recorded)) expect(byKind(kind), kind).toBe(n);
    expect(conflicts.every((c) => c.canSwap)).toBe(true);
  });

  it('Take theirs on a document-details conflict adopts the colleague’s title', async () => {
    const S = await analyst('Samira');
    await S.backend.call('project.openSample', {});
    const sampleFile = await exportFrom(S);
    const sampleTitles = (await S.backend.call('documents.list', {})).map((d) => d.title).sort();
    const B = await analyst('Boris');
    await importCorpus(B.backend);
    await importInto(B, 'sample.json', sampleFile);
    for (const c of await B.backend.call('share.conflicts', {})) {
      if (c.itemKind === 'document') await B.backend.call('share.resolveConflict', { id: c.id, choice: 'swap' });
    }
    expect((await B.backend.call('documents.list', {})).map((d) => d.title).sort()).toEqual(sampleTitles);
    expect(await B.backend.call('share.conflicts', {})).toEqual([]);
  });

  it('a file that lists a tag twice, the second time deleted, is refused and the tag stays', async () => {
    const { A, file } = await annotated();
    const twice = structuredClone(file);
    const tag = project(twice).tags[0]!;
    project(twice).tags.push({ ...tag, name: 'renamed', deleted: '2030-01-01T00:00:00.000Z', modified: '2030-01-01T00:00:00.000Z' });
    await refused(A, twice, /cr:project\.tags\[\d+\]\.id: the id .* is used twice \(also cr:project\.tags\[0\]\.id\)/);
    const sameIdAsClaim = structuredClone(file);
    project(sameIdAsClaim).relations[0]!.id = String(items(sameIdAsClaim)[0]!.id).replace('urn:uuid:', '');
    await refused(A, sameIdAsClaim, /cr:project\.relations\[0\]\.id: the id .* is used twice/);
  });

  it('a file cannot rename a built-in relation, and the preview counts what it does to tags and link types', async () => {
    const { A, file, tagId } = await annotated();
    const B = await analyst('Boris');
    await importCorpus(B.backend);
    await importInto(B, 'a.json', JSON.stringify(file));
    await A.backend.call('tags.update', { id: tagId, name: 'economy' });
    const edited = JSON.parse(await exportFrom(A)) as Json;
    const supports = project(edited).relations.find((r) => r.builtin === 'supports')!;
    Object.assign(supports, { name: 'hates', inverseName: 'is hated by', modified: '2030-01-01T00:00:00.000Z' });
    const preview = await importInto(B, 'a2.json', JSON.stringify(edited), true);
    expect(preview.other.tags, JSON.stringify(preview.other)).toMatchObject({ updated: 1 });
    expect(preview.other.relations).toMatchObject({ updated: 0, conflicts: 0 });
    await importInto(B, 'a2.json', JSON.stringify(edited));
    const relations = await B.backend.call('relations.list', {});
    expect(relations.find((r) => r.builtin === 'supports')!.name).toBe('supports');
    expect((await B.backend.call('tags.list', {})).map((t) => t.name)).toContain('economy');
  });

  it('a document title from a file is checked as the API checks it: an empty title is refused', async () => {
    const { A, file } = await annotated();
    const empty = structuredClone(file);
    project(empty).documents[0]!.title = '';
    await refused(A, empty, /cr:project\.documents\[0\]\.title: a document needs a title/);
    const rtl = structuredClone(file);
    project(rtl).documents[0]!.author = '\u202eRTL';
    await refused(A, rtl, /cr:project\.documents\[0\]\.author: contains a control character, a text-direction mark or a broken character/);
  });

  it('a 10,000-character tag from a file is refused, not cut to 80 characters', async () => {
    const { A, file } = await annotated();
    const long = structuredClone(file);
    const bodies = items(long)[0]!.body as Json[];
    bodies.find((b) => b.purpose === 'tagging')!.value = 'x'.repeat(10_000);
    await refused(A, long, /items\[0\]\.body\[\d+\]\.value: longer than 80 characters/);
  });

  it('5,000 links naming new link types are refused beyond 20 new types; a few are counted in the preview', async () => {
    const { file } = await annotated();
    const B = await analyst('Boris');
    await importCorpus(B.backend);
    const claimId = String(items(file)[0]!.id);
    const orphanId = 'urn:uuid:00000000-0000-4000-8000-0000000000aa';
    const linkTo = (i: number, relation: string) => ({
      id: `urn:uuid:00000000-0000-4000-8000-${(0x100000 + i).toString(16).padStart(12, '0')}`,
      type: 'Annotation',
      motivation: 'linking',
      body: { type: 'TextualBody', purpose: 'linking', value: relation },
      target: [claimId, orphanId],
    });
    const orphan = { id: orphanId, type: 'Annotation', target: { source: 'https://example.org/x', selector: { type: 'TextQuoteSelector', exact: 'nowhere to be found, zqxj' } } };
    const many = structuredClone(file);
    items(many).push(orphan, ...Array.from({ length: 5000 }, (_, i) => linkTo(i, `type ${i % 50}`)));
    const rows = allRows(B.projectPath);
    const err = await expectAppError(importInto(B, 'links.json', JSON.stringify(many), true), 'bad-input');
    expect(err.message).toMatch(/would add more than 20 link types/);
    expect(allRows(B.projectPath)).toEqual(rows);
    const few = structuredClone(file);
    items(few).push(orphan, ...Array.from({ length: 30 }, (_, i) => linkTo(i, `type ${i % 3}`)));
    const preview = await importInto(B, 'links.json', JSON.stringify(few), true);
    expect(preview.other.relations.new).toBe(3);
  });

  it('a claim arriving with an existing link’s id is set aside, and the project’s own export stays importable', async () => {
    const A = await analyst('Aliya');
    const docs = await importCorpus(A.backend);
    const one = await claimOn(A.backend, docs.caravan.id, 'стороны подписали коммерческие соглашения');
    const two = await claimOn(A.backend, docs.zakon.id, 'Казахстан');
    const supports = (await A.backend.call('relations.list', {})).find((r) => r.builtin === 'supports')!;
    const link = await A.backend.call('links.create', { fromId: one.id, toId: two.id, relationId: supports.id });
    const B = await analyst('Boris');
    await importCorpus(B.backend);
    const file = JSON.parse(await exportFrom(B)) as Json;
    const claim = { id: `urn:uuid:${link.id}`, type: 'Annotation', target: { selector: { type: 'TextQuoteSelector', exact: 'Казахстан' } } };
    const hostile = { ...file, first: { ...(file.first as Json), items: [claim] } };
    const preview = await importInto(A, 'collide.json', JSON.stringify(hostile));
    expect(preview.claims.new).toBe(0);
    expect(preview.skipped.map((s) => s.reason)).toEqual(['its id belongs to something else in this project (an id names one kind of thing)']);
    const own = await exportFrom(A);
    await expect(importInto(B, 'own.json', own, true)).resolves.toMatchObject({ applied: false });
    await expect(importInto(A, 'own.json', own, true)).resolves.toMatchObject({ changed: false });
  });

  it('a claim arriving with an existing claim’s id but other text is a conflict that says the text differs, not a silent retag', async () => {
    const { file } = await annotated();
    const B = await analyst('Boris');
    await importCorpus(B.backend);
    await importInto(B, 'a.json', JSON.stringify(file));
    const before = await B.backend.call('annotations.list', {});
    const retag = structuredClone(file);
    const claim = items(retag)[0]!;
    (claim.target as { selector: Json[] }).selector = [{ type: 'TextQuoteSelector', exact: 'Казахстан', prefix: '', suffix: '' }];
    claim.body = [{ type: 'TextualBody', purpose: 'tagging', value: 'security' }];
    claim.modified = '2030-01-01T00:00:00.000Z';
    const preview = await importInto(B, 'retag.json', JSON.stringify(retag));
    expect(preview.recorded.annotation).toBe(1);
    expect(preview.claims.conflicts).toBe(1);
    expect((await B.backend.call('annotations.list', {})).map((a) => a.tagIds)).toEqual(before.map((a) => a.tagIds));
    const [conflict] = await B.backend.call('share.conflicts', {});
    expect(conflict!.losing).toMatch(/^the text differs: «Казахстан»/);
    expect(conflict!.canSwap).toBe(false);
  });
});
