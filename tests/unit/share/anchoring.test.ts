/**
 * Re-anchoring onto a copy of an article with other line breaks and a few edited words; embedded
 * texts creating missing documents; orphans kept and re-attached by hand; and the file itself
 * (content hash, stable ids, nothing personal in it).
 */
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { anchorAcross, anchorQuote } from '../../../shared/anchor';
import { CARAVAN, claimOn, corpusText, fileFrom, importCorpus, KAZPRAVDA, sha256Hex } from '../core/helpers';
import { analyst, exportFrom, importInto } from './helpers';

const K1 = 'Важным итогом визита стало решение о присоединении Казахстана к Соглашениям Авраама.';
const K2 = 'Казахстан как транспортный хаб срединной части Евразии является очень важным партнером для региональных и внерегиональных игроков.';
const ZERO = { new: 0, updated: 0, conflicts: 0, orphans: 0, unchanged: 0, deleted: 0, reanchored: 0 };

describe('re-anchoring onto a corrected copy', () => {
  it('finds the claims again in a copy with other line breaks and edited words, marking the approximate ones', async () => {
    const A = await analyst('Aliya');
    const docs = await importCorpus(A.backend);
    const k1 = await claimOn(A.backend, docs.kazpravda.id, K1);
    const k2 = await claimOn(A.backend, docs.kazpravda.id, K2);
    const file = await exportFrom(A);

    // B's copy: paragraphs split by single line breaks, a line broken in the middle of K1,
    // "очень важным партнером" corrected to "весьма важным партнёром".
    const original = corpusText(KAZPRAVDA);
    const copy = original
      .replace(/\n\n/g, '\n')
      .replace('Важным итогом визита', 'Важным\nитогом визита')
      .replace('очень важным партнером', 'весьма важным партнёром');
    expect(copy).not.toBe(original);
    const B = await analyst('Boris');
    const imported = await B.backend.call('documents.import', { files: [fileFrom('kazpravda-copy.txt', copy)] });
    const copyDoc = imported.imported[0]!;
    expect(copyDoc.hash).not.toBe(docs.kazpravda.hash);

    const result = await importInto(B, 'aliya.crossread.json', file);
    expect(result.claims).toEqual({ ...ZERO, new: 2, reanchored: 2 });
    const claims = await B.backend.call('annotations.list', {});
    const text = (await B.backend.call('documents.get', { id: copyDoc.id })).text;
    const r1 = claims.find((c) => c.id === k1.id)!;
    const r2 = claims.find((c) => c.id === k2.id)!;
    expect(text.slice(r1.start, r1.end)).toBe('Важным\nитогом визита стало решение о присоединении Казахстана к Соглашениям Авраама.');
    expect(text.slice(r2.start, r2.end)).toBe(K2.replace('очень важным партнером', 'весьма важным партнёром'));
    const health = await B.backend.call('share.anchors', {});
    expect(health.map((h) => [h.annotationId, h.state, h.originalExact]).sort()).toEqual(
      [
        [k1.id, 'fuzzy', K1],
        [k2.id, 'fuzzy', K2],
      ].sort(),
    );
    expect(health.find((h) => h.annotationId === k2.id)!.errors).toBeGreaterThan(2);

    // The same file again: the claims it placed by approximate matching are the same claims, not
    // claims whose text differs (their stored quote is the copy's, the file's is recorded beside it).
    const again = await importInto(B, 'aliya.crossread.json', file);
    expect(again.claims).toEqual({ ...ZERO, unchanged: 2 });
    expect(await B.backend.call('share.conflicts', {})).toEqual([]);
  });

  it('prefers the occurrence whose context and position match when a quote occurs twice', () => {
    const text = 'Мир и дружба. Первый абзац. Мир и дружба! Второй абзац.';
    const second = text.lastIndexOf('Мир и дружба');
    const m = anchorQuote(text, { exact: 'Мир и дружба', prefix: 'Первый абзац. ', suffix: '! Второй' }, null)!;
    expect(m.start).toBe(second);
    expect(anchorQuote(text, { exact: 'Совсем другой текст здесь', prefix: '', suffix: '' }, null)).toBeNull();
  });

  // Long texts are searched near the old position first; these check that this never changes which match wins.
  const filler = (n: number) => 'лорем ипсум долор сит амет. '.repeat(n);
  const quote = { exact: 'Казахстан присоединился к соглашениям Авраама', prefix: 'Важный итог визита: ', suffix: '. Это решение' };
  const edited = 'Казахстан присоединилcя к соглашениям Авраама!';

  it('still prefers an exact occurrence far away to an edited one at the old position', () => {
    const near = `${quote.prefix}${edited}${quote.suffix}`;
    const text = `${filler(10)}${near}${filler(5000)}${quote.prefix}${quote.exact}${quote.suffix}${filler(10)}`;
    const hint = text.indexOf(near) + quote.prefix.length;
    const m = anchorQuote(text, quote, { start: hint, end: hint + quote.exact.length })!;
    expect(m).toMatchObject({ start: text.lastIndexOf(quote.exact), errors: 0 });
  });

  it('takes a close approximate match far away over a poor one near the old position', () => {
    const poor = 'Казахстан и Израиль обсудили соглашения Авраама';
    const text = `${filler(10)}${poor}${filler(5000)}${quote.prefix}${edited}${quote.suffix}${filler(10)}`;
    const hint = text.indexOf(poor);
    const m = anchorQuote(text, quote, { start: hint, end: hint + quote.exact.length })!;
    expect(m.start).toBe(text.indexOf(edited));
    expect(m.errors).toBeGreaterThan(0);
  });

  it('starts the search in another text at the same relative place', () => {
    // The copy is twice as long: the right occurrence sits at the old offset doubled.
    const at = (text: string, i: number) => text.indexOf(edited, i);
    const copy = `${filler(1000)}${quote.prefix}${edited}${quote.suffix}${filler(998)}${quote.prefix}${edited}${quote.suffix}${filler(2000)}`;
    const second = at(copy, at(copy, 0) + 1);
    const found = anchorAcross([{ key: 'copy', text: copy }], quote, { start: Math.round(second / 2), sourceLength: Math.round(copy.length / 2) })!;
    expect(found.match.start).toBe(second);
    // Without the source's length the old offset is taken as it is: here, the first occurrence.
    const unscaled = anchorAcross([{ key: 'copy', text: copy }], quote, { start: Math.round(second / 2), sourceLength: null })!;
    expect(unscaled.match.start).toBe(at(copy, 0));
  });
});

describe('embedded texts and orphans', () => {
  it('creates a missing document from its embedded text; without it the claim becomes an orphan that can be re-attached', async () => {
    const A = await analyst('Aliya');
    const docs = await importCorpus(A.backend);
    const k1 = await claimOn(A.backend, docs.kazpravda.id, K1, [(await A.backend.call('tags.list', {}))[0]!.id]);
    await A.backend.call('notes.save', {
      owner: { kind: 'annotation', id: k1.id },
      json: JSON.stringify({ root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'Итог' }] }] } }),
    });

    const B = await analyst('Boris');
    const embedded = await importInto(B, 'full.json', await exportFrom(A, true));
    expect(embedded.documentsCreated).toBe(3);
    expect(embedded.claims).toEqual({ ...ZERO, new: 1 });
    const bDocs = await B.backend.call('documents.list', {});
    expect(bDocs.map((d) => d.hash).sort()).toEqual([docs.kazpravda.hash, docs.caravan.hash, docs.zakon.hash].sort());
    expect(bDocs.find((d) => d.hash === docs.kazpravda.hash)!.title).toBe(docs.kazpravda.title);

    const C = await analyst('Chingiz');
    const orphaned = await importInto(C, 'bare.json', await exportFrom(A));
    expect(orphaned.claims).toEqual({ ...ZERO, orphans: 1 });
    expect(orphaned.byDocument).toEqual([{ title: docs.kazpravda.title, counts: { ...ZERO, orphans: 1 } }]);
    const [orphan] = await C.backend.call('share.orphans', {});
    expect(orphan).toMatchObject({ id: k1.id, exact: K1, tags: ['economic'], noteText: 'Итог', author: 'Aliya' });
    // Orphans travel on in C's own exports, unchanged.
    const fromC = JSON.parse(await exportFrom(C)) as { first: { items: Record<string, unknown>[] } };
    expect(fromC.first.items[0]).toMatchObject({ id: `urn:uuid:${k1.id}`, 'cr:anchor': 'orphan' });

    // C gets the text later, and re-attaches the orphan by selecting it.
    const [doc] = (await C.backend.call('documents.import', { files: [fileFrom('k.txt', corpusText(KAZPRAVDA))] })).imported;
    const text = (await C.backend.call('documents.get', { id: doc!.id })).text;
    const start = text.indexOf(K1);
    const claim = await C.backend.call('share.reattach', { id: k1.id, documentId: doc!.id, start, end: start + K1.length });
    expect(claim).toMatchObject({ id: k1.id, exact: K1, author: 'Aliya' });
    const tags = await C.backend.call('tags.list', {});
    expect(claim.tagIds.map((t) => tags.find((x) => x.id === t)!.name)).toEqual(['economic']);
    expect((await C.backend.call('notes.get', { kind: 'annotation', id: k1.id })).text).toBe('Итог');
    expect(await C.backend.call('share.orphans', {})).toEqual([]);
    // A's file again: the claim now merges by its id instead of becoming an orphan twice.
    expect((await importInto(C, 'bare.json', await exportFrom(A))).claims).toEqual({ ...ZERO, unchanged: 1 });
  });
});

describe('links to orphans', () => {
  it('wait for the orphan and are made when it is re-attached, with their note', async () => {
    const A = await analyst('Aliya');
    const docs = await importCorpus(A.backend);
    const k1 = await claimOn(A.backend, docs.kazpravda.id, K1);
    const c1 = await claimOn(A.backend, docs.caravan.id, 'стороны подписали коммерческие соглашения');
    const supports = (await A.backend.call('relations.list', {})).find((r) => r.builtin === 'supports')!;
    const link = await A.backend.call('links.create', { fromId: k1.id, toId: c1.id, relationId: supports.id });
    await A.backend.call('notes.save', {
      owner: { kind: 'link', id: link.id },
      json: JSON.stringify({ root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'Одно подтверждает другое' }] }] } }),
    });
    const file = await exportFrom(A);

    // D has only the Caravan interview: k1 is orphaned, so the link waits.
    const D = await analyst('Dana');
    await D.backend.call('documents.import', { files: [fileFrom('caravan.txt', corpusText(CARAVAN))] });
    const result = await importInto(D, 'aliya.json', file);
    expect(result.claims).toEqual({ ...ZERO, new: 1, orphans: 1 });
    expect(result.links).toEqual({ ...ZERO, orphans: 1 });
    expect(await D.backend.call('links.list', {})).toEqual([]);
    // The waiting link travels on in D's own exports.
    expect(await exportFrom(D)).toContain(`"id": "urn:uuid:${link.id}"`);
    expect((await importInto(D, 'aliya.json', file)).links).toEqual({ ...ZERO, unchanged: 1 });

    const [doc] = (await D.backend.call('documents.import', { files: [fileFrom('k.txt', corpusText(KAZPRAVDA))] })).imported;
    const text = (await D.backend.call('documents.get', { id: doc!.id })).text;
    await D.backend.call('share.reattach', { id: k1.id, documentId: doc!.id, start: text.indexOf(K1), end: text.indexOf(K1) + K1.length });
    const links = await D.backend.call('links.list', {});
    expect(links.map((l) => [l.id, l.fromId, l.toId, l.relationId, l.author, l.noteText])).toEqual([[link.id, k1.id, c1.id, supports.id, 'Aliya', 'Одно подтверждает другое']]);
  });
});

describe('the exported file', () => {
  it('is a W3C AnnotationCollection with stable ids, documents named by content hash, and nothing personal', async () => {
    const A = await analyst('Aliya');
    const docs = await importCorpus(A.backend);
    const k1 = await claimOn(A.backend, docs.kazpravda.id, K1);
    const first = await exportFrom(A);
    expect(await exportFrom(A)).toBe(first);
    const file = JSON.parse(first) as Record<string, unknown> & { first: { items: Record<string, unknown>[] } };
    expect(file['@context']).toEqual(['http://www.w3.org/ns/anno.jsonld', expect.objectContaining({ cr: 'https://crossread.app/ns/share/v1#' })]);
    expect(file.type).toBe('AnnotationCollection');
    const item = file.first.items[0]!;
    expect(item).toMatchObject({
      id: `urn:uuid:${k1.id}`,
      type: 'Annotation',
      motivation: 'highlighting',
      creator: { type: 'Person', name: 'Aliya' },
      target: {
        source: `urn:crossread:doc:sha256:${sha256Hex(Buffer.from(corpusText(KAZPRAVDA), 'utf8'))}`,
        selector: [
          { type: 'TextQuoteSelector', exact: K1 },
          { type: 'TextPositionSelector', start: k1.start, end: k1.end },
        ],
      },
    });
    const embedded = await exportFrom(A, true);
    for (const text of [first, embedded]) {
      expect(text).not.toContain(A.home);
      expect(text).not.toContain(A.projectPath);
      expect(text).not.toContain(os.homedir());
      expect(text).not.toContain(os.hostname());
      expect(text).not.toContain(os.userInfo().username === 'root' ? '/root/' : os.userInfo().username);
    }
  });
});
