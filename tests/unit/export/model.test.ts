/** The structured dossier built from the corpus: sections, citations, links, groups, matrix, options. */
import { describe, expect, it } from 'vitest';
import { wordCount } from '../../../electron/core/export/build';
import { Dossier } from '../../../shared/dossier';
import { expectAppError, readRows } from '../core/helpers';
import { corpusProject, Q } from './fixture';

async function dossierOf(fx: Awaited<ReturnType<typeof corpusProject>>, options: Record<string, unknown> = {}): Promise<Dossier> {
  const r = await fx.backend.call('export.build', { format: 'json', options });
  return Dossier.parse(JSON.parse(Buffer.from(r.dataBase64, 'base64').toString('utf8')));
}

describe('the dossier model', () => {
  it('groups claims by tag in the user’s order, untagged last, with citations, notes and links', async () => {
    const fx = await corpusProject();
    const d = await dossierOf(fx);
    expect(d.format).toBe('crossread-dossier');
    expect(d.version).toBe(1);
    expect(d.findings.map((f) => f.tag?.name ?? null)).toEqual(['economic', 'security', 'interfaith', null]);
    const quotesOf = (i: number) => d.findings[i]!.claimIds.map((id) => d.claims.find((c) => c.id === id)!.quote);
    expect(quotesOf(0).sort()).toEqual([Q.kRare, Q.cRare, Q.c17].sort());
    expect(quotesOf(1).sort()).toEqual([Q.kPeace, Q.c17, Q.zIran, Q.zCourse].sort());
    expect(quotesOf(2).sort()).toEqual([Q.cFaith, Q.zCourse].sort());
    expect(quotesOf(3)).toEqual([Q.kAccords]);

    // Sources by date, undated last: Kazpravda (2025-11-07), Zakon (2026-03-02), Caravan (no date).
    expect(d.sources.map((s) => s.date)).toEqual(['2025-11-07', '2026-03-02', null]);
    expect(d.scope).toMatchObject({ sources: 3, dateFrom: '2025-11-07', dateTo: '2026-03-02', undated: 1, claims: 8, links: 4 });
    expect(d.sources.every((s) => /^[0-9a-f]{64}$/.test(s.hash) && s.words > 100)).toBe(true);

    const kRare = d.claims.find((c) => c.quote === Q.kRare)!;
    expect(kRare.citation.date).toBe('2025-11-07');
    expect(kRare.citation.paragraph).toBeGreaterThan(1);
    expect(kRare.note?.text).toContain('Ключевой тезис');
    expect(kRare.links).toEqual([expect.objectContaining({ relation: 'supports', kind: 'supports', direction: 'out', quote: Q.cRare })]);
    const cRare = d.claims.find((c) => c.quote === Q.cRare)!;
    expect(cRare.links[0]).toMatchObject({ relation: 'is supported by', direction: 'in', quote: Q.kRare, counterpartNumber: kRare.number });
    expect(cRare.links[0]!.citation).toMatchObject({ date: '2025-11-07', paragraph: kRare.citation.paragraph });
    expect(d.claims.find((c) => c.quote === Q.c17)!.tags).toEqual(['economic', 'security']);
    expect(d.cover.summary?.text).toBe('Три эксперта сходятся в экономике; расходятся в оценке рисков.\nSecond paragraph of the summary.');
  });

  it('the cross-source section is the app’s clusters with their titles; supporting claims are listed under the claim they support, and each contradiction shows once', async () => {
    const fx = await corpusProject();
    const quotesIn = (d: Dossier, ids: string[]) => ids.map((id) => d.claims.find((c) => c.id === id)!.quote).sort();
    let d = await dossierOf(fx);
    const source = (q: string) => d.claims.find((c) => c.quote === q)!.citation.sourceId;
    const groups = () =>
      d.groups.map((g) => ({
        title: g.title,
        claims: quotesIn(d, g.claimIds),
        against: quotesIn(d, g.contradicting.map((x) => x.claimId)),
        linked: (g.linked ?? []).map((x) => [x.kind, x.toMember, quotesIn(d, [x.claimId])[0]]),
        agree: g.agreeingSourceIds,
      }));
    // The "same claim" pair is a cluster, titled by its earliest claim until the analyst renames it,
    // with the claim that one of its members elaborates listed under it.
    const [faith] = (await fx.backend.call('clusters.list', {})).filter((c) => c.memberIds.includes(fx.claims.cFaith.id));
    expect(groups()).toContainEqual({ title: Q.cFaith, claims: [Q.cFaith, Q.zCourse].sort(), against: [], linked: [['elaborates', false, Q.kPeace]], agree: [source(Q.cFaith), source(Q.zCourse)] });
    // "supports" joins nothing: the supported claim is a group of one with its supporter under it.
    expect(groups()).toContainEqual({ title: null, claims: [Q.cRare], against: [], linked: [['supports', true, Q.kRare]], agree: [source(Q.cRare)] });
    // The contradiction pair is shown once, from either side.
    const contradiction = groups().filter((g) => g.against.length > 0);
    expect(contradiction).toHaveLength(1);
    expect([...contradiction[0]!.claims, ...contradiction[0]!.against].sort()).toEqual([Q.kPeace, Q.zIran].sort());
    expect(d.groups).toHaveLength(3);

    await fx.backend.call('clusters.rename', { key: faith!.key, title: 'Межконфессиональный диалог' });
    d = await dossierOf(fx);
    expect(d.groups[0]).toMatchObject({ clusterKey: faith!.key, title: 'Межконфессиональный диалог' });
  });

  it('counts the tag × source matrix over the included claims', async () => {
    const fx = await corpusProject();
    const d = await dossierOf(fx);
    const col = (q: string) => d.matrix.sourceIds.indexOf(d.claims.find((c) => c.quote === q)!.citation.sourceId);
    const row = (tag: string | null) => d.matrix.rows.find((r) => r.tag === tag)!;
    expect(row('economic').counts[col(Q.cRare)]).toBe(2);
    expect(row('security').total).toBe(4);
    expect(row(null).counts[col(Q.kAccords)]).toBe(1);
    expect(d.matrix.totals.reduce((a, b) => a + b, 0)).toBe(8);
    expect(d.matrix.total).toBe(8);
  });

  it('applies the options: tags, sources, notes, order and heading language', async () => {
    const fx = await corpusProject();
    const d = await dossierOf(fx, {
      tagIds: [fx.tags.interfaith.id],
      untagged: false,
      sourceIds: [fx.docs.caravan.id, fx.docs.zakon.id],
      notes: false,
      order: 'document',
      language: 'ru',
      title: 'Досье: Соглашения Авраама',
    });
    expect(d.findings.map((f) => f.tag?.name)).toEqual(['interfaith']);
    expect(d.matrix.rows.map((r) => r.tag)).toEqual(['interfaith']);
    expect(d.claims.map((c) => c.quote).sort()).toEqual([Q.cFaith, Q.zCourse].sort());
    expect(d.sources.map((s) => s.id)).toEqual([fx.docs.caravan.id, fx.docs.zakon.id]);
    expect(d.claims.every((c) => c.note === null)).toBe(true);
    expect(d.cover.title).toBe('Досье: Соглашения Авраама');
    expect(d.claims.find((c) => c.quote === Q.cFaith)!.links[0]!.relation).toBe('то же утверждение');
    // A link to a claim that was left out still cites it, without a number in this dossier.
    const course = d.claims.find((c) => c.quote === Q.zCourse)!;
    expect(course.links.find((k) => k.kind === 'elaborates')).toMatchObject({ relation: 'развивает', counterpartNumber: null, quote: Q.kPeace });
  });

  it('refuses unknown tags and sources', async () => {
    const fx = await corpusProject();
    await expectAppError(fx.backend.call('export.preview', { options: { tagIds: ['no-such-tag'] } }), 'bad-input');
    await expectAppError(fx.backend.call('export.preview', { options: { sourceIds: [fx.claims.kRare.id] } }), 'bad-input');
    expect(await fx.backend.call('export.preview', { options: {} })).toEqual({ sources: 3, claims: 8, links: 4, groups: 3, notes: 2 });
  });

  it('stores the summary in project_meta as {json, text, author, modifiedAt} and refuses a broken one', async () => {
    const fx = await corpusProject();
    const [row] = readRows(fx.projectPath, "SELECT value FROM project_meta WHERE key = 'dossier.summary'");
    const stored = JSON.parse(String(row!.value)) as Record<string, string>;
    expect(Object.keys(stored).sort()).toEqual(['author', 'json', 'modifiedAt', 'text']);
    expect(stored.text).toContain('Три эксперта');
    expect(JSON.parse(stored.json!)).toHaveProperty('root');
    await expectAppError(fx.backend.call('dossier.summary.save', { json: '{"root": 1}' }), 'bad-input');
    await expectAppError(fx.backend.call('dossier.summary.save', { json: 'not json' }), 'bad-input');
    expect(readRows(fx.projectPath, "SELECT value FROM project_meta WHERE key = 'dossier.summary'")[0]!.value).toBe(row!.value);
    expect((await fx.backend.call('dossier.summary.get', {}))?.text).toBe(stored.text);
  });

  it('remembers the title, analyst and choices of the last export', async () => {
    const fx = await corpusProject('Remember');
    expect((await fx.backend.call('dossier.settings.get', {})).title).toBe('Remember — dossier');
    await fx.backend.call('export.build', { format: 'md', options: { title: 'Briefing', analyst: 'A. Analyst', language: 'ru', notes: false } });
    expect(await fx.backend.call('dossier.settings.get', {})).toMatchObject({ title: 'Briefing', analyst: 'A. Analyst', language: 'ru', notes: false, format: 'md' });
  });

  it('counts words as a reader does: letters and digits of any script, joined by a hyphen or apostrophe between them', () => {
    expect(wordCount('')).toBe(0);
    expect(wordCount('Казахстан — 17 млрд долларов, С5+1.')).toBe(6);
    expect(wordCount('what’s up-to-date, rock\'n\'roll')).toBe(3);
    // A joiner that is not between two word characters separates (or is nothing).
    expect(wordCount('a--b -c d- \'e\' f’')).toBe(6);
    // Letters beyond the BMP are letters; a lone surrogate is not.
    expect(wordCount('𝐀𝐁 x-𝐂 \uD800 é')).toBe(3);
    expect(wordCount('٣٤ ١٢ 中文')).toBe(3);
  });
});
