/**
 * What the exported file says, read by another tool or a colleague's Crossread: offsets in code
 * points (and older files in UTF-16 still read), tombstones out of the live annotations, creators
 * given as IRIs kept as IRIs, no invented dates, comments that stay comments.
 */
import { describe, expect, it } from 'vitest';
import { claimOn, fileFrom, importCorpus, lexicalNote } from '../core/helpers';
import { analyst, exportFrom, importInto } from './helpers';

const ZERO = { new: 0, updated: 0, conflicts: 0, orphans: 0, unchanged: 0, deleted: 0, reanchored: 0 };
type Item = Record<string, unknown> & { id: string; target: { selector: Record<string, unknown>[] } };
type FileShape = Record<string, unknown> & { first: { items: Item[] }; 'cr:project': Record<string, unknown> & { tombstones: Item[] } };
const parse = (text: string) => JSON.parse(text) as FileShape;
const position = (item: Item) => item.target.selector.find((s) => s.type === 'TextPositionSelector') as { start: number; end: number };

/** A text with characters outside the Basic Multilingual Plane before the quoted phrase. */
const EMOJI_TEXT = 'Итоги 🇰🇿 саммита 🤝: стороны подписали соглашения. Затем 🚆 — срединный коридор.';
const PHRASE = 'срединный коридор';

async function emojiProject(name: string) {
  const A = await analyst(name);
  await A.backend.call('documents.import', { files: [fileFrom('emoji.txt', EMOJI_TEXT)] });
  const doc = (await A.backend.call('documents.list', {}))[0]!;
  return { A, doc };
}

describe('offsets in the W3C file', () => {
  it('a TextPositionSelector counts code points, so a text with emoji is addressed as other tools count it', async () => {
    const { A, doc } = await emojiProject('Aliya');
    const claim = await claimOn(A.backend, doc.id, PHRASE);
    const file = parse(await exportFrom(A));
    const astralBefore = [...EMOJI_TEXT.slice(0, claim.start)].filter((ch) => ch.codePointAt(0)! > 0xffff).length;
    expect(astralBefore).toBe(4); // two regional indicators, the handshake, the train
    expect(position(file.first.items[0]!)).toMatchObject({ start: claim.start - astralBefore, end: claim.end - astralBefore });
    expect([...EMOJI_TEXT].slice(position(file.first.items[0]!).start, position(file.first.items[0]!).end).join('')).toBe(PHRASE);
    expect(file['cr:project']).toMatchObject({ version: 2, positions: 'code-points' });
  });

  it('a file of format version 1 (UTF-16 offsets, tombstones among the annotations) still imports', async () => {
    const { A, doc } = await emojiProject('Aliya');
    const claim = await claimOn(A.backend, doc.id, PHRASE);
    const gone = await claimOn(A.backend, doc.id, 'стороны подписали');
    const B = await analyst('Boris');
    await B.backend.call('documents.import', { files: [fileFrom('emoji.txt', EMOJI_TEXT)] });
    await importInto(B, 'aliya.json', await exportFrom(A));
    await A.backend.call('annotations.delete', { id: gone.id });

    // The same file as Crossread wrote it before version 2.
    const file = parse(await exportFrom(A));
    const { tombstones, positions, ...project } = file['cr:project'];
    expect(positions).toBe('code-points');
    const utf16 = (item: Item) => {
      const c = item.id === `urn:uuid:${claim.id}` ? claim : gone;
      return { ...item, target: { ...item.target, selector: item.target.selector.map((s) => (s.type === 'TextPositionSelector' ? { ...s, start: c.start, end: c.end } : s)) } };
    };
    const old = { ...file, first: { ...file.first, items: [...file.first.items, ...tombstones].map(utf16) }, 'cr:project': { ...project, version: 1 } };
    const result = await importInto(B, 'aliya-v1.json', JSON.stringify(old));
    expect(result.claims).toEqual({ ...ZERO, unchanged: 1, deleted: 1 });
    expect((await B.backend.call('annotations.list', {})).map((c) => [c.id, c.start, c.end])).toEqual([[claim.id, claim.start, claim.end]]);

    // A fresh project reads the version-1 positions as UTF-16: the claim lands on the phrase.
    const C = await analyst('Chingiz');
    await C.backend.call('documents.import', { files: [fileFrom('emoji.txt', EMOJI_TEXT)] });
    expect((await importInto(C, 'aliya-v1.json', JSON.stringify(old))).claims).toEqual({ ...ZERO, new: 1 });
    const [placed] = await C.backend.call('annotations.list', {});
    expect([placed!.start, placed!.end]).toEqual([claim.start, claim.end]);
  });

  it('another tool’s file that does not say its unit is read in the unit that finds the quote (code points here)', async () => {
    // Forty emoji first: read as UTF-16, the code point offset of the second «мир» lies nearer the first one.
    const text = `${'🙂'.repeat(40)} мир. Ещё раз: мир. И снова мир.`;
    const A = await analyst('Aliya');
    await A.backend.call('documents.import', { files: [fileFrom('t.txt', text)] });
    const second = text.indexOf('мир', text.indexOf('мир') + 1);
    const cp = [...text.slice(0, second)].length;
    expect(Math.abs(cp - text.indexOf('мир'))).toBeLessThan(Math.abs(cp - second));
    const annotation = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'http://example.org/anno/1',
      type: 'Annotation',
      target: { source: 'http://example.org/t', selector: [{ type: 'TextQuoteSelector', exact: 'мир' }, { type: 'TextPositionSelector', start: cp, end: cp + 3 }] },
    };
    // Without a document of that source, the claim is searched across texts with the position as a hint.
    await importInto(A, 'other.json', JSON.stringify(annotation));
    const [claim] = await A.backend.call('annotations.list', {});
    expect(claim!.start).toBe(second);
  });
});

describe('what other tools take for annotations', () => {
  it('deleted claims and links are tombstones inside cr:project, not annotations other tools import as live', async () => {
    const A = await analyst('Aliya');
    const docs = await importCorpus(A.backend);
    const kept = await claimOn(A.backend, docs.kazpravda.id, 'Соглашениям Авраама');
    const gone = await claimOn(A.backend, docs.caravan.id, 'коммерческие соглашения');
    const B = await analyst('Boris');
    await importCorpus(B.backend);
    await importInto(B, 'aliya.json', await exportFrom(A));
    await A.backend.call('annotations.delete', { id: gone.id });

    const content = await exportFrom(A);
    const file = parse(content);
    expect(file.first.items.map((i) => i.id)).toEqual([`urn:uuid:${kept.id}`]);
    expect(file.total).toBe(1);
    expect(file.first.items.some((i) => 'cr:deleted' in i)).toBe(false);
    expect(file['cr:project'].tombstones.map((i) => [i.id, typeof i['cr:deleted']])).toEqual([[`urn:uuid:${gone.id}`, 'string']]);
    // A colleague's Crossread still learns of the deletion.
    expect((await importInto(B, 'aliya.json', content)).claims).toEqual({ ...ZERO, unchanged: 1, deleted: 1 });
  });

  it('a tombstone without cr:deleted is refused by its place, and nothing changes', async () => {
    const A = await analyst('Aliya');
    const docs = await importCorpus(A.backend);
    await claimOn(A.backend, docs.kazpravda.id, 'Соглашениям Авраама');
    const file = parse(await exportFrom(A));
    const B = await analyst('Boris');
    await importCorpus(B.backend);
    const before = await B.backend.call('annotations.list', {});
    const live = { ...file.first.items[0]!, id: 'urn:uuid:11111111-2222-4333-8444-555555555555' };
    const bad = { ...file, 'cr:project': { ...file['cr:project'], tombstones: [live] } };
    await expect(importInto(B, 'bad.json', JSON.stringify(bad))).rejects.toThrow('bad.json is not a usable annotation file: cr:project.tombstones[0]: a tombstone needs cr:deleted');
    expect(await B.backend.call('annotations.list', {})).toEqual(before);
  });

  it('a creator given as an IRI stays an IRI, and a date the file did not give is left out, never 1970', async () => {
    const A = await analyst('Aliya');
    await importCorpus(A.backend);
    const item = (id: string, creator: unknown, exact: string) => ({
      id,
      type: 'Annotation',
      creator,
      target: { source: 'http://example.org/src', selector: { type: 'TextQuoteSelector', exact } },
    });
    const foreign = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationPage',
      items: [item('http://example.org/a1', 'https://orcid.org/0000-0002-1825-0097', 'Соглашениям Авраама'), item('http://example.org/a2', { id: 'acct:ivan@hypothes.is', type: 'Person' }, 'коммерческие соглашения')],
    };
    expect((await importInto(A, 'foreign.json', JSON.stringify(foreign))).claims.new).toBe(2);
    const content = await exportFrom(A);
    expect(content).not.toContain('1970-01-01');
    const items = parse(content).first.items;
    expect(items.map((i) => i.creator).sort()).toEqual(['acct:ivan@hypothes.is', 'https://orcid.org/0000-0002-1825-0097']);
    for (const i of items) expect(Object.keys(i)).not.toEqual(expect.arrayContaining(['created']));
  });

  it('a claim with only a note is commenting, and stays commenting through a colleague’s project', async () => {
    const A = await analyst('Aliya');
    const docs = await importCorpus(A.backend);
    const claim = await claimOn(A.backend, docs.kazpravda.id, 'Соглашениям Авраама');
    await A.backend.call('notes.save', { owner: { kind: 'annotation', id: claim.id }, json: lexicalNote('Ключевой итог') });
    const first = parse(await exportFrom(A)).first.items[0]!;
    expect(first.motivation).toBe('commenting');
    const B = await analyst('Boris');
    await importCorpus(B.backend);
    await importInto(B, 'aliya.json', await exportFrom(A));
    expect(parse(await exportFrom(B)).first.items[0]!.motivation).toBe('commenting');
  });
});
