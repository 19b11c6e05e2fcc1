/**
 * The matrix through the API, on the corpus: analyses, hypotheses, evidence rows from claims and
 * clusters, ratings that belong to their author, every edit an undo step, and bad input refused
 * with nothing changed.
 */
import { describe, expect, it } from 'vitest';
import { CREDIBILITY_ID, RELIABILITY_ID } from '../../../shared/attributes';
import { claimOn, expectAppError, importCorpus, readRows, withProject } from '../core/helpers';

async function corpusMatrix() {
  const fx = await withProject();
  const { backend } = fx;
  await backend.call('settings.update', { author: 'Айгерим' });
  const docs = await importCorpus(backend);
  const deals = await claimOn(backend, docs.kazpravda.id, 'сделки на сумму более 17 млрд долларов');
  const dealsToo = await claimOn(backend, docs.caravan.id, 'коммерческие соглашения более чем на 17 млрд долларов');
  const rare = await claimOn(backend, docs.kazpravda.id, 'соглашения по редкоземельным металлам');
  const iran = await claimOn(backend, docs.zakon.id, 'Иран уже высказал свое недовольство');
  const same = (await backend.call('relations.list', {})).find((r) => r.builtin === 'same-claim')!;
  await backend.call('links.create', { fromId: deals.id, toId: dealsToo.id, relationId: same.id });
  const analysis = await backend.call('hypotheses.createAnalysis', { question: 'Why did Kazakhstan join the Abraham Accords?' });
  const gain = await backend.call('hypotheses.create', { analysisId: analysis.id, title: 'Economic gain' });
  const security = await backend.call('hypotheses.create', { analysisId: analysis.id, title: 'A security bargain with the US' });
  return { ...fx, docs, deals, dealsToo, rare, iran, analysis, gain, security };
}

describe('the competing-hypotheses matrix', () => {
  it('a claim repeated by two sources counts once as a cluster row, and adding its other member is skipped', async () => {
    const m = await corpusMatrix();
    const added = await m.backend.call('hypotheses.addRows', {
      analysisId: m.analysis.id,
      rows: [
        { kind: 'cluster', claimId: m.dealsToo.id },
        { kind: 'claim', claimId: m.deals.id },
        { kind: 'claim', claimId: m.rare.id },
        { kind: 'assumption', text: 'The deals would have been signed anyway' },
      ],
    });
    expect(added).toEqual({ added: 3, skipped: 1 });
    const again = await m.backend.call('hypotheses.addRows', { analysisId: m.analysis.id, rows: [{ kind: 'claim', claimId: m.rare.id }] });
    expect(again).toEqual({ added: 0, skipped: 1 });
    const matrix = await m.backend.call('hypotheses.matrix', { analysisId: m.analysis.id });
    expect(matrix.rows.map((r) => [r.kind, r.sources])).toEqual([
      ['cluster', 2],
      ['claim', 1],
      ['assumption', 0],
    ]);
    // The cluster is named by its key claim (the earliest) and cited the usual way.
    expect(matrix.rows[0]!.text).toBe('сделки на сумму более 17 млрд долларов');
    // Without an outlet the source is named by its title.
    expect(matrix.rows[0]!.source).toMatch(/^kazpravda-2025-11-07-velizade, 2025-11-07, ¶\d+$/);
    expect(matrix.hypotheses.map((h) => h.title)).toEqual(['Economic gain', 'A security bargain with the US']);
  });

  it('every edit of the matrix is one undo step with a label naming what changed', async () => {
    const m = await corpusMatrix();
    await m.backend.call('hypotheses.addRows', { analysisId: m.analysis.id, rows: [{ kind: 'claim', claimId: m.rare.id }] });
    const [row] = (await m.backend.call('hypotheses.matrix', { analysisId: m.analysis.id })).rows;
    await m.backend.call('hypotheses.rate', { rowId: row!.id, hypothesisId: m.gain.id, rating: 'CC' });
    expect((await m.backend.call('history.state', {})).undoLabel).toBe('Rate “соглашения по редкоземельным металлам” CC for “Economic gain”');
    await m.backend.call('hypotheses.rate', { rowId: row!.id, hypothesisId: m.gain.id, rating: 'I' });
    await m.backend.call('hypotheses.explain', { rowId: row!.id, hypothesisId: m.gain.id, rationale: 'Rare earths need decades' });
    await m.backend.call('hypotheses.updateRow', { id: row!.id, relevance: 'high', doubtful: true });
    await m.backend.call('hypotheses.update', { id: m.security.id, title: 'Security guarantees' });

    const cell = async () => (await m.backend.call('hypotheses.matrix', { analysisId: m.analysis.id })).ratings.map((g) => [g.rating, g.rationale]);
    expect(await cell()).toEqual([['I', 'Rare earths need decades']]);
    await m.backend.call('history.undo', {}); // title
    expect((await m.backend.call('hypotheses.matrix', { analysisId: m.analysis.id })).hypotheses[1]!.title).toBe('A security bargain with the US');
    await m.backend.call('history.undo', {}); // relevance + doubtful
    expect((await m.backend.call('hypotheses.matrix', { analysisId: m.analysis.id })).rows[0]).toMatchObject({ relevance: 'medium', doubtful: false });
    await m.backend.call('history.undo', {}); // rationale
    expect(await cell()).toEqual([['I', '']]);
    await m.backend.call('history.undo', {}); // I → CC
    expect(await cell()).toEqual([['CC', '']]);
    await m.backend.call('history.undo', {}); // the first rating
    expect(await cell()).toEqual([]);
    await m.backend.call('history.redo', {});
    expect(await cell()).toEqual([['CC', '']]);
    await m.backend.call('history.undo', {});
    await m.backend.call('history.undo', {}); // the row
    expect((await m.backend.call('hypotheses.matrix', { analysisId: m.analysis.id })).rows).toEqual([]);
    await m.backend.call('history.undo', {}); // the second hypothesis
    await m.backend.call('history.undo', {}); // the first
    expect((await m.backend.call('hypotheses.matrix', { analysisId: m.analysis.id })).hypotheses).toEqual([]);
  });

  it('the autosaves of one editing session of a description are one undo step, not one step per save', async () => {
    const m = await corpusMatrix();
    const description = (text: string) => JSON.stringify({ root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text }] }] } });
    const session = crypto.randomUUID();
    const before = await m.backend.call('history.state', {});
    for (const text of ['The 17 bn', 'The 17 bn USD of deals', 'The 17 bn USD of deals and rare earths']) {
      await m.backend.call('hypotheses.update', { id: m.gain.id, description: description(text), session });
    }
    const descriptionNow = async () => (await m.backend.call('hypotheses.matrix', { analysisId: m.analysis.id })).hypotheses[0]!.descriptionText;
    expect(await descriptionNow()).toBe('The 17 bn USD of deals and rare earths');
    const step = (await m.backend.call('history.state', {})).undo!;
    expect(step.id).not.toBe(before.undo!.id);
    await m.backend.call('history.undo', {});
    // One undo takes the whole sitting back, and the step before it is the one before the session.
    expect(await descriptionNow()).toBe('');
    expect((await m.backend.call('history.state', {})).undo!.id).toBe(before.undo!.id);
    await m.backend.call('history.redo', {});
    expect(await descriptionNow()).toBe('The 17 bn USD of deals and rare earths');

    // Anything else in between, or a new session, starts a new step.
    await m.backend.call('hypotheses.update', { id: m.security.id, title: 'Security guarantees' });
    await m.backend.call('hypotheses.update', { id: m.gain.id, description: description('Deals'), session });
    const other = crypto.randomUUID();
    await m.backend.call('hypotheses.update', { id: m.gain.id, description: description('Deals again'), session: other });
    await m.backend.call('history.undo', {});
    expect(await descriptionNow()).toBe('Deals');
    await m.backend.call('history.undo', {});
    expect(await descriptionNow()).toBe('The 17 bn USD of deals and rare earths');
  });

  it('a row whose claim was deleted is kept and marked missing, never silently dropped', async () => {
    const m = await corpusMatrix();
    await m.backend.call('hypotheses.addRows', { analysisId: m.analysis.id, rows: [{ kind: 'claim', claimId: m.iran.id }] });
    const [row] = (await m.backend.call('hypotheses.matrix', { analysisId: m.analysis.id })).rows;
    await m.backend.call('hypotheses.rate', { rowId: row!.id, hypothesisId: m.security.id, rating: 'II' });
    await m.backend.call('annotations.delete', { id: m.iran.id });
    const after = await m.backend.call('hypotheses.matrix', { analysisId: m.analysis.id });
    expect(after.rows).toHaveLength(1);
    expect(after.rows[0]).toMatchObject({ id: row!.id, missing: true, text: 'Иран уже высказал свое недовольство' });
    expect(after.ratings.map((g) => g.rating)).toEqual(['II']);
    // A deleted claim cannot be added as a new row.
    await expectAppError(m.backend.call('hypotheses.addRows', { analysisId: m.analysis.id, rows: [{ kind: 'claim', claimId: m.iran.id }] }), 'not-found');
  });

  it('bad input — a rating outside the scale, a 1 MB title, a rationale for an unrated cell — is refused and nothing changes', async () => {
    const m = await corpusMatrix();
    await m.backend.call('hypotheses.addRows', { analysisId: m.analysis.id, rows: [{ kind: 'claim', claimId: m.rare.id }] });
    const before = readRows(m.projectPath, 'SELECT * FROM hypothesis_ratings UNION ALL SELECT id, title, kind, author, position, modified_at, 0, 0, 0 FROM hypotheses');
    const [row] = (await m.backend.call('hypotheses.matrix', { analysisId: m.analysis.id })).rows;
    const bad = await m.backend.dispatch('hypotheses.rate', { rowId: row!.id, hypothesisId: m.gain.id, rating: 'VERY' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(JSON.stringify(bad)).toMatch(/CC, C, N, I, II or NA/);
    const huge = await m.backend.dispatch('hypotheses.create', { analysisId: m.analysis.id, title: 'x'.repeat(1024 * 1024) });
    expect(huge).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(JSON.stringify(huge).length).toBeLessThan(1000);
    await expectAppError(m.backend.call('hypotheses.explain', { rowId: row!.id, hypothesisId: m.gain.id, rationale: 'because' }), 'bad-input');
    expect(readRows(m.projectPath, 'SELECT * FROM hypothesis_ratings UNION ALL SELECT id, title, kind, author, position, modified_at, 0, 0, 0 FROM hypotheses')).toEqual(before);
  });

  it('a claim row’s credibility starts from its source grading; the claim’s own grading overrides its document’s', async () => {
    const m = await corpusMatrix();
    await m.backend.call('hypotheses.addRows', {
      analysisId: m.analysis.id,
      rows: [
        { kind: 'claim', claimId: m.rare.id },
        { kind: 'claim', claimId: m.iran.id },
        { kind: 'absent', text: 'No US statement on security guarantees' },
      ],
    });
    await m.backend.call('attributes.setValue', { owner: { kind: 'document', id: m.docs.kazpravda.id }, attributeId: RELIABILITY_ID, value: 'B' });
    await m.backend.call('attributes.setValue', { owner: { kind: 'document', id: m.docs.kazpravda.id }, attributeId: CREDIBILITY_ID, value: '2' });
    await m.backend.call('attributes.setValue', { owner: { kind: 'document', id: m.docs.zakon.id }, attributeId: RELIABILITY_ID, value: 'A' });
    await m.backend.call('attributes.setValue', { owner: { kind: 'annotation', id: m.iran.id }, attributeId: CREDIBILITY_ID, value: '5' });
    let matrix = await m.backend.call('hypotheses.matrix', { analysisId: m.analysis.id });
    expect(matrix.rows.map((r) => [r.grading, r.effectiveCredibility])).toEqual([
      ['B2', 'high'],
      ['A5', 'low'],
      [null, 'medium'],
    ]);
    // The analyst's own level wins over the default.
    await m.backend.call('hypotheses.updateRow', { id: matrix.rows[1]!.id, credibility: 'high' });
    matrix = await m.backend.call('hypotheses.matrix', { analysisId: m.analysis.id });
    expect(matrix.rows[1]).toMatchObject({ credibility: 'high', effectiveCredibility: 'high' });
  });

  it('a supports link suggests the same rating, a contradicts link the mirrored one', async () => {
    const m = await corpusMatrix();
    const rels = await m.backend.call('relations.list', {});
    await m.backend.call('links.create', { fromId: m.rare.id, toId: m.deals.id, relationId: rels.find((r) => r.builtin === 'supports')!.id });
    await m.backend.call('links.create', { fromId: m.iran.id, toId: m.deals.id, relationId: rels.find((r) => r.builtin === 'contradicts')!.id });
    await m.backend.call('hypotheses.addRows', {
      analysisId: m.analysis.id,
      rows: [
        { kind: 'cluster', claimId: m.deals.id },
        { kind: 'claim', claimId: m.rare.id },
        { kind: 'claim', claimId: m.iran.id },
      ],
    });
    const { rows } = await m.backend.call('hypotheses.matrix', { analysisId: m.analysis.id });
    await m.backend.call('hypotheses.rate', { rowId: rows[0]!.id, hypothesisId: m.gain.id, rating: 'C' });
    const { suggestions } = await m.backend.call('hypotheses.matrix', { analysisId: m.analysis.id });
    expect(suggestions.map((s) => [s.rowId, s.rating])).toEqual([
      [rows[1]!.id, 'C'],
      [rows[2]!.id, 'I'],
    ]);
  });

  it('search finds hypothesis titles, descriptions and questions', async () => {
    const m = await corpusMatrix();
    const hits = await m.backend.call('hypotheses.search', { q: 'security' });
    expect(hits.map((h) => [h.field, h.text])).toEqual([['title', 'A security bargain with the US']]);
    expect((await m.backend.call('hypotheses.search', { q: 'abraham' })).map((h) => h.field)).toEqual(['question']);
  });
});
