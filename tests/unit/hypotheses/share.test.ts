/**
 * Two analysts rate the same matrix in two projects and exchange annotation files: ratings belong to
 * their authors, so each project ends with both analysts' ratings side by side, and the group view's
 * consensus and disagreement follow. Hostile files are refused whole, naming the place, nothing changed.
 */
import { describe, expect, it } from 'vitest';
import { groupCell } from '../../../shared/hypotheses';
import { claimOn, expectAppError, importCorpus } from '../core/helpers';
import { allRows, analyst, exportFrom, importInto, type Analyst } from '../share/helpers';

const DEALS = 'коммерческие соглашения более чем на 17 млрд долларов';
const IRAN = 'Иран уже высказал свое недовольство';

async function aliyasMatrix() {
  const A = await analyst('Aliya');
  const B = await analyst('Boris');
  const docs = await importCorpus(A.backend);
  await importCorpus(B.backend);
  const deals = await claimOn(A.backend, docs.caravan.id, DEALS);
  const iran = await claimOn(A.backend, docs.zakon.id, IRAN);
  const analysis = await A.backend.call('hypotheses.createAnalysis', { question: 'Why did Kazakhstan join the Abraham Accords?' });
  const gain = await A.backend.call('hypotheses.create', { analysisId: analysis.id, title: 'Economic gain' });
  const security = await A.backend.call('hypotheses.create', { analysisId: analysis.id, title: 'A security bargain with the US' });
  await A.backend.call('hypotheses.addRows', {
    analysisId: analysis.id,
    rows: [
      { kind: 'claim', claimId: deals.id },
      { kind: 'claim', claimId: iran.id },
      { kind: 'absent', text: 'No US statement on security guarantees' },
    ],
  });
  const { rows } = await A.backend.call('hypotheses.matrix', { analysisId: analysis.id });
  return { A, B, analysis, gain, security, rows };
}

async function rate(a: Analyst, rowId: string, hypothesisId: string, rating: 'CC' | 'C' | 'N' | 'I' | 'II' | 'NA') {
  await a.backend.call('hypotheses.rate', { rowId, hypothesisId, rating });
}

describe('competing hypotheses between two analysts', () => {
  it('two analysts rate the same matrix, exchange files, and the group view shows both ratings with the right disagreement', async () => {
    const { A, B, analysis, gain, security, rows } = await aliyasMatrix();
    await rate(A, rows[0]!.id, gain.id, 'CC');
    await rate(A, rows[1]!.id, security.id, 'I');
    await A.backend.call('hypotheses.explain', { rowId: rows[0]!.id, hypothesisId: gain.id, rationale: 'The deals are the headline of every interview' });
    await A.backend.call('hypotheses.update', { id: gain.id, description: JSON.stringify({ root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: '17 bn USD, rare earths' }] }] } }) });

    await importInto(B, 'aliya.json', await exportFrom(A));
    const atB = await B.backend.call('hypotheses.matrix', { analysisId: analysis.id });
    expect(atB.hypotheses.map((h) => [h.title, h.author, h.descriptionText])).toEqual([
      ['Economic gain', 'Aliya', '17 bn USD, rare earths'],
      ['A security bargain with the US', 'Aliya', ''],
    ]);
    expect(atB.rows.map((r) => [r.kind, r.missing])).toEqual([
      ['claim', false],
      ['claim', false],
      ['absent', false],
    ]);
    expect(atB.authors).toEqual(['Boris', 'Aliya']);

    // Boris disagrees on the deals row and agrees on Iran; his ratings sit beside Aliya's.
    await rate(B, rows[0]!.id, gain.id, 'II');
    await rate(B, rows[1]!.id, security.id, 'I');
    const preview = await importInto(A, 'boris.json', await exportFrom(B));
    expect(preview.applied).toBe(true);

    const atA = await A.backend.call('hypotheses.matrix', { analysisId: analysis.id });
    expect(atA.authors).toEqual(['Aliya', 'Boris']);
    const cell = (rowId: string, hId: string) =>
      groupCell(atA.authors.map((who) => atA.ratings.find((g) => g.rowId === rowId && g.hypothesisId === hId && g.author === who)?.rating));
    expect(cell(rows[0]!.id, gain.id)).toEqual({ byAuthor: ['CC', 'II'], consensus: 'N', disagreement: 2 });
    expect(cell(rows[1]!.id, security.id)).toEqual({ byAuthor: ['I', 'I'], consensus: 'I', disagreement: 0 });
    // Aliya's own rating and rationale are untouched by the merge.
    expect(atA.ratings.find((g) => g.author === 'Aliya' && g.rowId === rows[0]!.id)).toMatchObject({ rating: 'CC', rationale: 'The deals are the headline of every interview' });

    // The same file again changes nothing.
    const before = allRows(A.projectPath);
    await importInto(A, 'boris.json', await exportFrom(B));
    expect(allRows(A.projectPath).hypothesis_ratings ?? null).toEqual(before.hypothesis_ratings ?? null);
    expect((await A.backend.call('share.conflicts', {})).length).toBe(0);
  });

  it('a hypothesis deleted by a colleague travels as a tombstone; both renaming it is a conflict with Keep mine / Take theirs', async () => {
    const { A, B, analysis, gain, security } = await aliyasMatrix();
    await importInto(B, 'aliya.json', await exportFrom(A));
    await A.backend.call('hypotheses.update', { id: gain.id, title: 'Money' });
    await B.backend.call('hypotheses.delete', { id: security.id });
    await B.backend.call('hypotheses.update', { id: gain.id, title: 'Economic gain (deals, rare earths)' });
    await importInto(A, 'boris.json', await exportFrom(B));
    const atA = await A.backend.call('hypotheses.matrix', { analysisId: analysis.id });
    // Boris renamed later: his title wins, Aliya's is kept as the losing version.
    expect(atA.hypotheses.map((h) => h.title)).toEqual(['Economic gain (deals, rare earths)']);
    const [conflict] = await A.backend.call('share.conflicts', {});
    expect(conflict).toMatchObject({ itemKind: 'hypothesis', itemId: gain.id, losingSide: 'mine', canSwap: true });
    expect(conflict!.losing).toMatch(/^Money · /);
    await A.backend.call('share.resolveConflict', { id: conflict!.id, choice: 'swap' });
    expect((await A.backend.call('hypotheses.matrix', { analysisId: analysis.id })).hypotheses.map((h) => h.title)).toEqual(['Money']);
  });

  it('a colleague’s file with a 1 MB hypothesis title, or a rating outside the scale, is refused naming the place, and nothing changes', async () => {
    const { A, B, gain, rows } = await aliyasMatrix();
    await rate(A, rows[0]!.id, gain.id, 'C');
    const file = JSON.parse(await exportFrom(A)) as { first: { items: Record<string, unknown>[] } };
    const items = file.first.items;
    const at = items.findIndex((i) => (i['cr:ach'] as { type?: string } | undefined)?.type === 'hypothesis');
    const before = allRows(B.projectPath);

    const huge = structuredClone(file);
    (huge.first.items[at]!['cr:ach'] as { title: string }).title = 'Ж'.repeat(1024 * 1024);
    const err = await expectAppError(importInto(B, 'huge.json', JSON.stringify(huge)), 'bad-input');
    expect(err.message).toBe(`huge.json is not a usable annotation file: items[${at}].cr:ach.title: a title is at most 300 characters`);
    expect(err.message).not.toContain('ЖЖ');

    const rated = structuredClone(file);
    const r = rated.first.items.findIndex((i) => (i['cr:ach'] as { type?: string } | undefined)?.type === 'rating');
    (rated.first.items[r]!.body as { value: string }[])[0]!.value = 'VERY';
    const bad = await expectAppError(importInto(B, 'bad.json', JSON.stringify(rated)), 'bad-input');
    expect(bad.message).toBe(`bad.json is not a usable annotation file: items[${r}].body[0].value: a rating is one of CC, C, N, I, II or NA`);

    expect(allRows(B.projectPath)).toEqual(before);
    expect(await B.backend.call('hypotheses.analyses', {})).toEqual([]);
  });

  it('a rating whose row is in neither project nor file is skipped and reported, never half-written', async () => {
    const { A, B, gain, rows } = await aliyasMatrix();
    await rate(A, rows[0]!.id, gain.id, 'C');
    const file = JSON.parse(await exportFrom(A)) as { first: { items: Record<string, unknown>[] } };
    // Only the ratings travel: their rows and hypotheses are not in the file or in B's project.
    file.first.items = file.first.items.filter((i) => (i['cr:ach'] as { type?: string } | undefined)?.type === 'rating');
    const preview = await importInto(B, 'ratings-only.json', JSON.stringify(file));
    expect(preview.skipped.map((s) => s.reason)).toEqual(['a hypothesis rating whose row is in neither this project nor the file']);
    expect(await B.backend.call('hypotheses.analyses', {})).toEqual([]);
  });
});
