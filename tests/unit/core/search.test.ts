/**
 * Search on the sample corpus: Russian word forms, case and ё, phrases, exact offsets into the
 * stored text, notes, and auto-coding the hits as claims.
 */
import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../shared/contract';
import { splitParagraphs } from '../../../shared/text';
import type { Backend } from '../../../electron/core/backend';
import { findRanges, keyOf, parseQuery } from '../../../shared/words';
import { claimOn, fileFrom, importCorpus, lexicalNote, withProject } from './helpers';

async function corpusProject() {
  const fixture = await withProject();
  const docs = await importCorpus(fixture.backend);
  const texts = new Map<string, string>();
  for (const d of await fixture.backend.call('documents.list', {})) texts.set(d.id, (await fixture.backend.call('documents.get', { id: d.id })).text);
  return { ...fixture, ...docs, texts };
}

const search = (backend: Backend, q: string, limit = 5000) => backend.call('search.query', { q, limit });
const forms = (hits: SearchHit[]) => [...new Set(hits.map((h) => h.match))].sort();
const sorted = (words: string[]) => [...words].sort();

/** Every hit points at its match in the stored text, inside the paragraph it names. */
function expectExact(hits: SearchHit[], texts: Map<string, string>) {
  for (const h of hits.filter((x) => x.kind === 'document')) {
    const text = texts.get(h.documentId)!;
    expect(text.slice(h.start, h.end)).toBe(h.match);
    const p = splitParagraphs(text)[h.paragraph - 1]!;
    expect(h.start >= p.start && h.end <= p.end, `hit ${h.start}-${h.end} in ¶${h.paragraph}`).toBe(true);
    expect(text.slice(h.start - h.before.length, h.start)).toBe(h.before);
    expect(text.slice(h.end, h.end + h.after.length)).toBe(h.after);
  }
}

describe('search', () => {
  it('finds the forms of a Russian word: инвестиция finds инвестиций, инвестиции, инвестициях', async () => {
    const { backend, texts } = await corpusProject();
    const { hits, total } = await search(backend, 'инвестиция');
    expect(total).toBe(hits.length);
    expect(forms(hits)).toEqual(sorted(['инвестиции', 'инвестиций', 'инвестициях']));
    expectExact(hits, texts);
    // Every occurrence in the corpus, no more: "инвестиционные" is another word (an adjective).
    const all = [...texts.values()].join('\n');
    expect(total).toBe(all.match(/инвестици(?:и|й|ях)(?![а-яё])/gi)!.length);
  });

  it('finds the forms of соглашение and Казахстан, in any case, but not the adjective казахстанский', async () => {
    const { backend, texts } = await corpusProject();
    const agreements = await search(backend, 'соглашение');
    expect(forms(agreements.hits)).toEqual(
      sorted(['Соглашений', 'Соглашениям', 'Соглашения', 'Соглашениях', 'соглашений', 'соглашениям', 'соглашения', 'соглашениях']),
    );
    const kazakhstan = await search(backend, 'Казахстан');
    expect(forms(kazakhstan.hits)).toEqual(sorted(['Казахстан', 'Казахстана', 'Казахстане', 'Казахстаном', 'Казахстану']));
    // The bare form and an inflected one share a key, whichever is typed.
    expect((await search(backend, 'КАЗАХСТАНЕ')).total).toBe(kazakhstan.total);
    expect(forms((await search(backend, 'иран')).hits)).toEqual(sorted(['Иран', 'Иране', 'Ирану']));
    expectExact([...agreements.hits, ...kazakhstan.hits], texts);
  });

  it('reads ё as е and ignores case: ПАРТНЕРСТВО finds партнёрство, приема finds приёма', async () => {
    const { backend, texts } = await corpusProject();
    const partnership = await search(backend, 'ПАРТНЕРСТВО');
    expect(forms(partnership.hits)).toEqual(sorted(['партнёрства', 'партнёрство']));
    const reception = await search(backend, 'приема');
    expect(forms(reception.hits)).toEqual(['приёма']);
    expect((await search(backend, 'ПРИЁМА')).hits).toEqual(reception.hits);
    expect(forms((await search(backend, 'партнер')).hits)).toEqual(
      sorted(['партнер', 'партнеров', 'партнером', 'партнёра', 'партнёрам', 'партнёрах', 'партнёров', 'партнёром', 'партнёры']),
    );
    expectExact([...partnership.hits, ...reception.hits], texts);
  });

  it('a quoted phrase matches the words side by side, in any of their forms', async () => {
    const { backend, texts } = await corpusProject();
    const phrase = await search(backend, '"Соглашениям Авраама"');
    expect(phrase.total).toBeGreaterThan(5);
    for (const h of phrase.hits) expect(h.match).toMatch(/^Соглашени\S* Авраама$/i);
    expect(forms(phrase.hits)).toContain('Соглашений Авраама');
    expect((await search(backend, '«соглашения авраама»')).hits).toEqual(phrase.hits);
    // Without quotes the words need only share a paragraph, and each is a hit of its own.
    const words = await search(backend, 'Соглашениям Авраама');
    expect(words.total).toBeGreaterThan(phrase.total);
    expect(words.hits.every((h) => !h.match.includes(' '))).toBe(true);
    expectExact([...phrase.hits, ...words.hits], texts);
  });

  it('needs every word in the same paragraph, and agrees with a plain scan of the corpus', async () => {
    const { backend, texts } = await corpusProject();
    const docs = await backend.call('documents.list', {});
    for (const q of ['инвестиция', 'Иран Казахстан', 'мир безопасность', '"Соглашениям Авраама"', 'TRIPP коридор', 'Казахстан', 'и']) {
      const items = parseQuery(q);
      const expected: { documentId: string; start: number; end: number; paragraph: number }[] = [];
      for (const d of docs) {
        const text = texts.get(d.id)!;
        splitParagraphs(text).forEach((p, i) => {
          const paragraph = text.slice(p.start, p.end);
          const perItem = items.map((item) => findRanges(paragraph, [item]));
          if (perItem.some((r) => r.length === 0)) return;
          for (const [s, e] of findRanges(paragraph, items)) expected.push({ documentId: d.id, start: p.start + s, end: p.start + e, paragraph: i + 1 });
        });
      }
      const { hits, total } = await search(backend, q);
      expect(total, q).toBe(expected.length);
      expect(hits.map(({ documentId, start, end, paragraph }) => ({ documentId, start, end, paragraph })), q).toEqual(expected);
    }
  });

  it('orders hits by document, then offset; returns at most limit of them and counts them all', async () => {
    const { backend, kazpravda, caravan, zakon } = await corpusProject();
    const all = await search(backend, 'Казахстан');
    const order = [kazpravda.id, caravan.id, zakon.id];
    const keys = all.hits.map((h) => [order.indexOf(h.documentId), h.start] as const);
    expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    expect(new Set(all.hits.map((h) => h.documentId)).size).toBe(3);

    const five = await search(backend, 'Казахстан', 5);
    expect(five.total).toBe(all.total);
    expect(five.hits).toEqual(all.hits.slice(0, 5));
    expect((await backend.call('search.query', { q: 'Казахстан' })).hits).toHaveLength(Math.min(200, all.total));
  });

  it('pages through every hit with offset: the pages put together are the whole list, each counting all', async () => {
    const { backend, zakon } = await corpusProject();
    // A note hit too, so pages cross from a document's text into the notes on its claims.
    const claim = await claimOn(backend, zakon.id, 'присоединении к Авраамским соглашениям');
    await backend.call('notes.save', { owner: { kind: 'annotation', id: claim.id }, json: lexicalNote('Казахстан и Казахстан') });
    for (const q of ['Казахстан', 'Иран Казахстан', '"Соглашениям Авраама"']) {
      const all = await search(backend, q);
      expect(all.hits.length, q).toBe(all.total);
      expect(all.documentTotal, q).toBe(all.hits.filter((h) => h.kind === 'document').length);
      const paged: SearchHit[] = [];
      for (let offset = 0; offset < all.total; offset += 7) {
        const page = await backend.call('search.query', { q, limit: 7, offset });
        expect({ total: page.total, documentTotal: page.documentTotal }, `${q} @${offset}`).toEqual({ total: all.total, documentTotal: all.documentTotal });
        expect(page.hits, `${q} @${offset}`).toHaveLength(Math.min(7, all.total - offset));
        paged.push(...page.hits);
      }
      expect(paged, q).toEqual(all.hits);
      expect((await backend.call('search.query', { q, offset: all.total })).hits, q).toEqual([]);
    }
    const kazakhstan = await search(backend, 'Казахстан');
    expect(kazakhstan.hits.filter((h) => h.kind === 'note').map((h) => h.match)).toEqual(['Казахстан', 'Казахстан']);
    expect(kazakhstan.total).toBe(kazakhstan.documentTotal + 2);
    // The note of a deleted claim is neither listed nor counted.
    await backend.call('annotations.delete', { id: claim.id });
    expect(await search(backend, 'Казахстан')).toMatchObject({ total: kazakhstan.documentTotal, documentTotal: kazakhstan.documentTotal });
  });

  it('shows about 60 characters of context either side, cut at whole words', async () => {
    const { backend, texts } = await corpusProject();
    const { hits } = await search(backend, 'соглашение');
    for (const h of hits) {
      expect(h.before.length).toBeLessThanOrEqual(60);
      expect(h.after.length).toBeLessThanOrEqual(60);
      const text = texts.get(h.documentId)!;
      const from = h.start - h.before.length;
      // The context starts at a word's start (or the paragraph's) and ends at a word's end.
      expect(from === 0 || /\s/.test(text[from - 1]!) || /^\s/.test(h.before) || text[from - 1] === '\n').toBe(true);
      const to = h.end + h.after.length;
      expect(to === text.length || /\s/.test(text[to]!) || text[to] === '\n' || h.after.length === 0).toBe(true);
    }
    expect(hits.some((h) => h.before.length > 40 && h.after.length > 40)).toBe(true);
  });

  it('a query of punctuation only finds nothing, without an error', async () => {
    const { backend } = await corpusProject();
    for (const q of ['!!!', '— … «»', '"', '""', '-']) expect(await search(backend, q), q).toEqual({ hits: [], total: 0, documentTotal: 0, memos: [] });
    expect(await search(backend, 'несуществующееслово')).toEqual({ hits: [], total: 0, documentTotal: 0, memos: [] });
  });

  it('finds Latin words whatever their case, and English word forms', async () => {
    const { backend, texts, zakon } = await corpusProject();
    const tripp = await search(backend, 'tripp');
    expect(forms(tripp.hits)).toEqual(['TRIPP']);
    expectExact(tripp.hits, texts);
    const claim = await claimOn(backend, zakon.id, 'Казахстан');
    await backend.call('notes.save', { owner: { kind: 'annotation', id: claim.id }, json: lexicalNote('Investments in new technologies') });
    expect(forms((await search(backend, 'investment technology')).hits)).toEqual(sorted(['Investments', 'technologies']));
  });

  it('finds words in the notes of claims and links, with the claim, link and paragraph they belong to', async () => {
    const { backend, kazpravda, zakon, texts } = await corpusProject();
    const claim = await claimOn(backend, zakon.id, 'присоединении к Авраамским соглашениям');
    const other = await claimOn(backend, kazpravda.id, 'Вашингтон');
    const [supports] = await backend.call('relations.list', {});
    const link = await backend.call('links.create', { fromId: other.id, toId: claim.id, relationId: supports!.id });
    await backend.call('notes.save', { owner: { kind: 'annotation', id: claim.id }, json: lexicalNote('Ждём новых инвестиций.', 'Второй абзац заметки.') });
    await backend.call('notes.save', { owner: { kind: 'link', id: link.id }, json: lexicalNote('Инвестиции упомянуты у обоих') });

    const { hits } = await search(backend, 'инвестиция');
    const notes = hits.filter((h) => h.kind === 'note');
    const zakonParagraph = splitParagraphs(texts.get(zakon.id)!).findIndex((p) => p.start <= claim.start && claim.end <= p.end) + 1;
    const kazpravdaParagraph = splitParagraphs(texts.get(kazpravda.id)!).findIndex((p) => p.start <= other.start && other.end <= p.end) + 1;
    expect(notes).toEqual([
      {
        kind: 'note',
        documentId: kazpravda.id,
        annotationId: other.id,
        linkId: link.id,
        start: 0,
        end: 10,
        paragraph: kazpravdaParagraph,
        before: '',
        match: 'Инвестиции',
        after: ' упомянуты у обоих',
      },
      {
        kind: 'note',
        documentId: zakon.id,
        annotationId: claim.id,
        linkId: null,
        start: 11,
        end: 21,
        paragraph: zakonParagraph,
        before: 'Ждём новых ',
        match: 'инвестиций',
        after: '.\nВторой абзац заметки.',
      },
    ]);
    // A document's own text comes before the notes on its claims.
    const kazpravdaHits = hits.filter((h) => h.documentId === kazpravda.id).map((h) => h.kind);
    expect(kazpravdaHits).toEqual([...kazpravdaHits].sort());

    // A deleted claim's note is not found; undo brings it back; an emptied note is gone.
    await backend.call('annotations.delete', { id: claim.id });
    expect((await search(backend, 'заметки')).total).toBe(0);
    await backend.call('history.undo', {});
    expect((await search(backend, 'заметки')).hits.map((h) => h.annotationId)).toEqual([claim.id]);
    await backend.call('notes.save', { owner: { kind: 'annotation', id: claim.id }, json: lexicalNote('') });
    expect((await search(backend, 'заметки')).total).toBe(0);
  });

  it('keeps the index in step with imports and deletions', async () => {
    const { backend, kazpravda } = await corpusProject();
    const before = await search(backend, 'Вашингтон');
    expect(before.hits.map((h) => h.documentId)).toContain(kazpravda.id);
    await backend.call('documents.delete', { id: kazpravda.id });
    expect((await search(backend, 'Вашингтон')).hits.map((h) => h.documentId)).not.toContain(kazpravda.id);

    const added = await backend.call('documents.import', { files: [fileFrom('extra.txt', 'Вашингтонские переговоры.\n\nВашингтону было важно.')] });
    const extra = added.imported[0]!;
    const after = await search(backend, 'Вашингтон');
    expect(after.hits.filter((h) => h.documentId === extra.id).map((h) => [h.match, h.paragraph])).toEqual([['Вашингтону', 2]]);
  });

  it('keys fold case, ё and stress marks and reach the stem', () => {
    expect(keyOf('ЁЛКА')).toBe(keyOf('елки'));
    expect(keyOf('приве́т')).toBe(keyOf('привет'));
    expect(keyOf('Инвестиция')).toBe(keyOf('инвестициях'));
    expect(keyOf('Running')).toBe(keyOf('runs'));
    expect(keyOf('17')).toBe('17');
  });
});

describe('auto-coding', () => {
  it('tags every document hit as a claim in one undo step, and adds the tag to an identical claim', async () => {
    const { backend, texts, caravan } = await corpusProject();
    const [economic, security] = await backend.call('tags.list', {});
    const { hits } = await search(backend, 'инвестиция');
    const docHits = hits.filter((h) => h.kind === 'document');
    // A claim already on the first hit, by hand.
    const first = docHits[0]!;
    const manual = await backend.call('annotations.create', { documentId: first.documentId, start: first.start, end: first.end, tagIds: [security!.id] });
    const note = await claimOn(backend, caravan.id, 'Белом доме');
    await backend.call('notes.save', { owner: { kind: 'annotation', id: note.id }, json: lexicalNote('инвестиции') });

    const result = await backend.call('search.autocode', { q: 'инвестиция', tagId: economic!.id });
    expect(result).toMatchObject({ created: docHits.length - 1, tagged: 1, covered: 0 });
    expect(await backend.call('history.state', {})).toMatchObject({ undoLabel: `Auto-code ${docHits.length} hits` });

    const claims = (await backend.call('annotations.list', {})).filter((a) => a.tagIds.includes(economic!.id));
    expect(claims).toHaveLength(docHits.length);
    for (const c of claims) expect(c.exact).toBe(texts.get(c.documentId)!.slice(c.start, c.end));
    expect(claims.map((c) => `${c.documentId}:${c.start}-${c.end}`).sort()).toEqual(docHits.map((h) => `${h.documentId}:${h.start}-${h.end}`).sort());
    expect(claims.find((c) => c.id === manual.id)?.tagIds).toEqual([economic!.id, security!.id]);

    // Again with the same tag: every hit is coded already, nothing to do, and no step.
    expect(await backend.call('search.autocode', { q: 'инвестиция', tagId: economic!.id })).toMatchObject({ created: 0, tagged: 0, covered: docHits.length });
    expect((await backend.call('history.state', {})).undoLabel).toBe(`Auto-code ${docHits.length} hits`);

    // One undo takes it all back, the manual claim keeping only its own tag.
    await backend.call('history.undo', {});
    const left = await backend.call('annotations.list', {});
    expect(left.map((a) => a.id).sort()).toEqual([manual.id, note.id].sort());
    expect(left.find((a) => a.id === manual.id)?.tagIds).toEqual([security!.id]);
    await backend.call('history.redo', {});
    expect((await backend.call('annotations.list', {})).filter((a) => a.tagIds.includes(economic!.id))).toHaveLength(docHits.length);
  });

  it('tags every hit, not only the first page the search panel shows', async () => {
    const { backend, texts } = await corpusProject();
    const [economic] = await backend.call('tags.list', {});
    const page = await backend.call('search.query', { q: 'и' });
    expect(page.hits).toHaveLength(200);
    expect(page.documentTotal).toBeGreaterThan(200);
    const every = (await search(backend, 'и')).hits.filter((h) => h.kind === 'document');
    expect(every).toHaveLength(page.documentTotal);

    expect(await backend.call('search.autocode', { q: 'и', tagId: economic!.id })).toMatchObject({ created: page.documentTotal, tagged: 0, covered: 0 });
    const claims = (await backend.call('annotations.list', {})).filter((a) => a.tagIds.includes(economic!.id));
    expect(claims.map((c) => `${c.documentId}:${c.start}-${c.end}`).sort()).toEqual(every.map((h) => `${h.documentId}:${h.start}-${h.end}`).sort());
    for (const c of claims) expect(keyOf(texts.get(c.documentId)!.slice(c.start, c.end))).toBe(keyOf('и'));
  });

  it('refuses an unknown tag, and a query with no hits changes nothing', async () => {
    const { backend } = await corpusProject();
    const [economic] = await backend.call('tags.list', {});
    expect(await backend.dispatch('search.autocode', { q: 'инвестиция', tagId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await backend.call('search.autocode', { q: '…', tagId: economic!.id })).toMatchObject({ created: 0, tagged: 0, covered: 0 });
    expect(await backend.call('annotations.list', {})).toEqual([]);
    expect((await backend.call('history.state', {})).canUndo).toBe(false);
  });
  it('«Tag all hits» for «Иран» codes the word, its sentence or its paragraph as asked, and never inside a claim that already has the tag', async () => {
    const { backend, texts, caravan } = await corpusProject();
    const [, security] = await backend.call('tags.list', {});
    const hits = (await search(backend, 'Иран')).hits.filter((h) => h.kind === 'document');
    expect(hits.map((h) => h.match).sort()).toEqual(['Иран', 'Иране', 'Ирану']);
    // An analyst has already coded the sentence about Iran's critics as security.
    const manual = await claimOn(backend, caravan.id, 'Конечно, будут и критики такой политики, прежде всего, в Иране.', [security!.id]);
    const made = async (scope: 'word' | 'sentence' | 'paragraph') => {
      const result = await backend.call('search.autocode', { q: 'Иран', tagId: security!.id, scope });
      const claims = (await backend.call('annotations.list', {})).filter((a) => a.id !== manual.id);
      for (const c of claims) {
        expect(c.tagIds).toEqual([security!.id]);
        // Nothing inside the claim that already has the tag.
        expect(c.documentId === manual.documentId && manual.start <= c.start && c.end <= manual.end, c.exact).toBe(false);
      }
      return { result, claims };
    };

    const words = await made('word');
    expect(words.result).toMatchObject({ created: 2, tagged: 0, covered: 1 });
    expect(words.claims.map((c) => c.exact).sort()).toEqual(['Иран', 'Ирану']);
    await backend.call('history.undo', {});

    const sentences = await made('sentence');
    // The sentence with «Иране» is the manual claim itself: covered, not coded twice.
    expect(sentences.result).toMatchObject({ created: 2, tagged: 0, covered: 1 });
    for (const c of sentences.claims) {
      expect(c.exact).toMatch(/^[А-ЯЁ–-]/u);
      expect(c.exact).toMatch(/[.!?…]$/u);
      expect(c.exact).toMatch(/Иран/u);
      // A whole sentence of its paragraph: what comes before it ends one, or the paragraph starts there.
      const before = texts.get(c.documentId)!.slice(0, c.start).trimEnd();
      expect(before === '' || /[.!?…»\n]$/u.test(before) || before.endsWith('\n'), c.exact).toBe(true);
    }
    expect(sentences.claims.find((c) => c.exact.includes('Ирану'))!.exact).toMatch(/^Но надо понимать, что ни одна страна Центральной Азии/u);
    await backend.call('history.undo', {});

    const paragraphs = await made('paragraph');
    // «Иране» and «Ирану» share one Caravan paragraph: one claim for both, around the manual one.
    expect(paragraphs.result).toMatchObject({ created: 2, tagged: 0, covered: 0 });
    for (const c of paragraphs.claims) {
      const lines = texts.get(c.documentId)!.split('\n').map((l) => l.trim());
      expect(lines).toContain(c.exact);
    }
    expect(paragraphs.claims.some((c) => c.documentId === manual.documentId && c.start <= manual.start && manual.end <= c.end)).toBe(true);
  });
});
