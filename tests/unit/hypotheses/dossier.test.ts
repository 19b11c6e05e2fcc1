/**
 * The dossier's Assessment section: the question, the hypotheses ranked with the same scores the
 * matrix shows, the matrix with claims cited as everywhere in the dossier, linchpins and rationales,
 * in every format; and `crossread hypotheses` printing the same.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderDossier } from '../../../electron/core/export';
import { Dossier } from '../../../shared/dossier';
import { claimOn, importCorpus, withProject } from '../core/helpers';

async function assessedProject() {
  const fx = await withProject();
  const { backend } = fx;
  await backend.call('settings.update', { author: 'Aliya' });
  const docs = await importCorpus(backend);
  const deals = await claimOn(backend, docs.caravan.id, 'коммерческие соглашения более чем на 17 млрд долларов');
  const iran = await claimOn(backend, docs.zakon.id, 'Иран уже высказал свое недовольство');
  const analysis = await backend.call('hypotheses.createAnalysis', { question: 'Why did Kazakhstan join the Abraham Accords?' });
  const gain = await backend.call('hypotheses.create', { analysisId: analysis.id, title: 'Economic gain' });
  const security = await backend.call('hypotheses.create', { analysisId: analysis.id, title: 'A security bargain with the US' });
  await backend.call('hypotheses.addRows', {
    analysisId: analysis.id,
    rows: [
      { kind: 'claim', claimId: deals.id },
      { kind: 'claim', claimId: iran.id },
      { kind: 'assumption', text: 'The US would guarantee nothing in writing' },
    ],
  });
  const { rows } = await backend.call('hypotheses.matrix', { analysisId: analysis.id });
  const rate = (r: number, h: string, rating: 'CC' | 'C' | 'N' | 'I' | 'II' | 'NA') => backend.call('hypotheses.rate', { rowId: rows[r]!.id, hypothesisId: h, rating });
  await rate(0, gain.id, 'CC');
  await rate(0, security.id, 'N');
  await rate(1, gain.id, 'N');
  await rate(1, security.id, 'I');
  await rate(2, security.id, 'II');
  await backend.call('hypotheses.updateRow', { id: rows[2]!.id, relevance: 'high' });
  await backend.call('hypotheses.explain', { rowId: rows[1]!.id, hypothesisId: security.id, rationale: 'Tehran objected; the US offered nothing' });
  return { ...fx, docs };
}

const build = async (backend: Awaited<ReturnType<typeof withProject>>['backend'], format: 'json' | 'md' | 'html' | 'csv' | 'docx', language: 'en' | 'ru' = 'en') =>
  Buffer.from((await backend.call('export.build', { format, options: { language } })).dataBase64, 'base64');

describe('the Assessment section of the dossier', () => {
  it('JSON ranks the hypotheses with the matrix’s scores, cites claim rows and names linchpins and rationales', async () => {
    const { backend, docs } = await assessedProject();
    const d = Dossier.parse(JSON.parse((await build(backend, 'json')).toString('utf8')));
    const [a] = d.assessment!;
    // Security: Iran I (1·1·−1) + assumption II with relevance High (1·√2·−2) = −1 − 2√2.
    expect(a!.hypotheses.map((h) => [h.title, h.rank])).toEqual([
      ['Economic gain', 1],
      ['A security bargain with the US', 2],
    ]);
    expect(a!.hypotheses[1]!.score).toBeCloseTo(-1 - 2 * Math.SQRT2, 12);
    expect(a!.analyst).toBe('Aliya');
    expect(a!.rows.map((r) => [r.number, r.kind, r.ratings])).toEqual([
      [1, 'claim', ['CC', 'N']],
      [2, 'claim', ['N', 'I']],
      [3, 'assumption', [null, 'II']],
    ]);
    expect(a!.rows[0]!.citation).toMatchObject({ sourceId: docs.caravan.id, outlet: '', date: null });
    expect(a!.rows[2]!.citation).toBeNull();
    // Without either claim row Economic gain stays on top; nothing else moves it.
    expect(a!.linchpins).toEqual([]);
    expect(a!.rationales).toEqual([{ row: 2, hypothesis: 'A security bargain with the US', rating: 'I', text: 'Tehran objected; the US offered nothing', analyst: 'Aliya' }]);
    // One analyst rated: the section is hers, not a group view.
    expect([a!.view, a!.analysts, a!.rows[0]!.byAnalyst]).toEqual(['analyst', ['Aliya'], undefined]);
  });

  it('HTML, Markdown, DOCX and CSV (one row per cell) carry the section, in Russian too, with every text escaped', async () => {
    const { backend } = await assessedProject();
    const [analysis] = await backend.call('hypotheses.analyses', {});
    await backend.call('hypotheses.create', { analysisId: analysis!.id, title: '<img src=x onerror=alert(1)> & co' });
    const html = (await build(backend, 'html')).toString('utf8');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; co');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('<h2 id="assessment">Assessment</h2>');
    expect(html).toContain('<h3>Question: Why did Kazakhstan join the Abraham Accords?</h3>');
    expect(html).toMatch(/<ol><li>Economic gain — Score 0<\/li><li>&lt;img .*? — Score 0<\/li><li>A security bargain with the US — Score −3\.83<\/li><\/ol>/);
    const md = (await build(backend, 'md', 'ru')).toString('utf8');
    expect(md).toContain('## Оценка гипотез');
    expect(md).toMatch(/\| Свидетельство \| Дост\. \| Знач\. \| Диагн\. \| Economic gain \| A security bargain with the US \| .*img.* \|/);
    const csv = (await build(backend, 'csv')).toString('utf8');
    const table = csv.split('\r\n\r\n')[1]!.trim().split('\r\n');
    expect(table[0]).toBe('analysis,row,evidence,kind,citation,credibility,relevance,doubtful,hypothesis,rating,rationale,analyst,by_analyst,disagreement');
    expect(table).toHaveLength(1 + 3 * 3);
    expect(table[5]).toContain(',A security bargain with the US,I,Tehran objected; the US offered nothing,Aliya');
    const docx = await JSZip.loadAsync(await build(backend, 'docx'));
    const xml = await docx.file('word/document.xml')!.async('string');
    expect(xml).toContain('Assessment');
    expect(xml).toContain('Tehran objected; the US offered nothing');
  });

  it('after a colleague’s ratings are merged, the section is the group view in all six formats: consensus scores, each analyst’s ratings, the disagreement, and the analysts named', async () => {
    const { backend } = await assessedProject();
    // Boris rates the same matrix under his own name (as a merged file of his would bring it).
    const [analysis] = await backend.call('hypotheses.analyses', {});
    const m = await backend.call('hypotheses.matrix', { analysisId: analysis!.id });
    const [gain, security] = m.hypotheses;
    await backend.call('settings.update', { author: 'Boris' });
    await backend.call('hypotheses.rate', { rowId: m.rows[0]!.id, hypothesisId: gain!.id, rating: 'II' });
    await backend.call('hypotheses.rate', { rowId: m.rows[0]!.id, hypothesisId: security!.id, rating: 'N' });
    await backend.call('hypotheses.rate', { rowId: m.rows[1]!.id, hypothesisId: gain!.id, rating: 'N' });
    await backend.call('hypotheses.rate', { rowId: m.rows[1]!.id, hypothesisId: security!.id, rating: 'II' });
    await backend.call('hypotheses.explain', { rowId: m.rows[1]!.id, hypothesisId: security!.id, rationale: 'Iran is the point' });
    await backend.call('settings.update', { author: 'Aliya' });

    const d = Dossier.parse(JSON.parse((await build(backend, 'json')).toString('utf8')));
    const [a] = d.assessment!;
    expect(a!.view).toBe('group');
    expect(a!.analysts).toEqual(['Aliya', 'Boris']);
    // Consensus: row 1 CC and II → N (agreed N on security); row 2 I and II → II (halves round away from 0); row 3 Aliya's II alone.
    expect(a!.rows.map((r) => r.ratings)).toEqual([
      ['N', 'N'],
      ['N', 'II'],
      [null, 'II'],
    ]);
    expect(a!.rows[0]!.byAnalyst).toEqual([
      ['CC', 'II'],
      ['N', 'N'],
    ]);
    // Spread of the analysts' values: CC 2 and II −2 → 2; I −1 and II −2 → 0.5.
    expect(a!.rows[0]!.disagreement).toEqual([2, 0]);
    expect(a!.rows[1]!.disagreement).toEqual([0, 0.5]);
    // Scores from the consensus: gain 0; security II (1·1·−2) + II relevance High (1·√2·−2).
    expect(a!.hypotheses[0]!.score).toBe(0);
    expect(a!.hypotheses[1]!.score).toBeCloseTo(-2 - 2 * Math.SQRT2, 12);
    expect(a!.rationales).toEqual([
      { row: 2, hypothesis: 'A security bargain with the US', rating: 'I', text: 'Tehran objected; the US offered nothing', analyst: 'Aliya' },
      { row: 2, hypothesis: 'A security bargain with the US', rating: 'II', text: 'Iran is the point', analyst: 'Boris' },
    ]);

    const html = (await build(backend, 'html')).toString('utf8');
    expect(html).toContain('Group view of Aliya, Boris: each cell is the consensus of their ratings');
    expect(html).toContain('<td class="num ach-spread-4">N<br><span class="small">CC II ±2.00</span></td>');
    expect(html).toContain('(Boris, II): Iran is the point');
    const md = (await build(backend, 'md', 'ru')).toString('utf8');
    expect(md).toContain('*Групповой вид (Aliya, Boris)');
    expect(md).toMatch(/\| N \(CC II ±2\.00\) \| N \(N N\) \|/);
    const csv = (await build(backend, 'csv')).toString('utf8');
    const table = csv.split('\r\n\r\n')[1]!.trim().split('\r\n');
    expect(table[1]).toMatch(/,Economic gain,N,,"Aliya, Boris",Aliya: CC; Boris: II,2\.00$/);
    const docx = await JSZip.loadAsync(await build(backend, 'docx'));
    const xml = await docx.file('word/document.xml')!.async('string');
    expect(xml).toContain('Group view of Aliya, Boris');
    expect(xml).toContain('N (CC II ±2.00)');
    // PDF prints the dossier's HTML: the page handed to the printer carries the group view.
    const printed: string[] = [];
    await renderDossier(d, 'pdf', { printPdf: async (page) => (printed.push(page), Buffer.from('%PDF')) });
    expect(printed[0]).toContain('<td class="num ach-spread-4">N<br><span class="small">CC II ±2.00</span></td>');
    const cli = await import('../../../electron/cli/hypotheses');
    const text = await cli.hypothesesCommand(backend, false);
    expect(text).toContain('Group (consensus of): Aliya, Boris');
  });

  it('a project without analyses has no Assessment section at all', async () => {
    const { backend } = await withProject();
    await importCorpus(backend);
    const d = JSON.parse((await build(backend, 'json')).toString('utf8')) as Record<string, unknown>;
    expect('assessment' in d).toBe(false);
    expect((await build(backend, 'html')).toString('utf8')).not.toContain('id="assessment"');
  });
});
