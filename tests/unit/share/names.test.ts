/**
 * Names say what they are: controls (NUL, ESC), text-direction marks (U+202E shows "\u202eRTL" as
 * "LTR") and lone surrogates are refused in every name the API takes, with a clear message, and
 * whatever reaches the CLI's output is printed escaped.
 */
import { describe, expect, it } from 'vitest';
import { formatPreview } from '../../../electron/cli/share';
import { formatDocuments, formatTags } from '../../../electron/cli/format';
import type { DocumentMeta, Tag } from '../../../shared/contract';
import { hasHiddenOrBroken } from '../../../shared/names';
import { expectAppError, importCorpus } from '../core/helpers';
import { analyst, exportFrom, importInto } from './helpers';

const HIDDEN = ['\u202eRTL', 'a\u0000b', '\u001b[31mred', 'x\u009b2J', '\u2066isolated\u2069'];
const RULE = /contains a control character, a text-direction mark or a broken character/;

describe('names', () => {
  it('NUL, ESC and bidi overrides in tag, link type, document and author names are refused with a clear message', async () => {
    const A = await analyst('Aliya');
    const { zakon } = await importCorpus(A.backend);
    for (const name of HIDDEN) {
      expect((await expectAppError(A.backend.call('tags.create', { name }), 'bad-input')).message).toMatch(RULE);
      expect((await expectAppError(A.backend.call('relations.create', { name }), 'bad-input')).message).toMatch(RULE);
      expect((await expectAppError(A.backend.call('documents.update', { id: zakon.id, patch: { title: name } }), 'bad-input')).message).toMatch(RULE);
      expect((await expectAppError(A.backend.call('settings.update', { author: name }), 'bad-input')).message).toMatch(RULE);
    }
    expect((await A.backend.call('tags.list', {})).map((t) => t.name)).not.toContain('\u202eRTL');
  });

  it('an annotation file whose author or tag holds a direction override is refused, naming the place', async () => {
    const A = await analyst('Aliya');
    await importCorpus(A.backend);
    const claim = (extra: Record<string, unknown>) => JSON.stringify({
      type: 'Annotation',
      target: { selector: { type: 'TextQuoteSelector', exact: 'Казахстан' } },
      ...extra,
    });
    const author = await expectAppError(importInto(A, 'rtl.json', claim({ creator: { name: '\u202eRTL' } }), true), 'bad-input');
    expect(author.message).toMatch(/items\[0\]\.creator: contains a control character/);
    const tag = await expectAppError(importInto(A, 'rtl.json', claim({ body: { purpose: 'tagging', value: 'esc\u001b[2J' } }), true), 'bad-input');
    expect(tag.message).toMatch(/items\[0\]\.body\[0\]\.value: contains a control character/);
  });

  it('a tag renamed to a lone surrogate is refused as bad input, not a raw internal error', async () => {
    const A = await analyst('Aliya');
    const tag = await A.backend.call('tags.create', { name: 'экономика' });
    for (const name of ['\ud800', 'x\udc00', 'a\ud83db']) {
      const err = await expectAppError(A.backend.call('tags.update', { id: tag.id, name }), 'bad-input');
      expect(err.message).toMatch(RULE);
    }
    // A character outside the BMP is a well-formed pair, and a fine name.
    await expect(A.backend.call('tags.update', { id: tag.id, name: 'экономика 🌍' })).resolves.toMatchObject({ name: 'экономика 🌍' });
  });

  it('an imported summary whose Lexical JSON has a node the editor does not know is refused, not shown empty and exported', async () => {
    const A = await analyst('Aliya');
    await importCorpus(A.backend);
    const file = JSON.parse(await exportFrom(A)) as Record<string, Record<string, unknown>>;
    const json = JSON.stringify({ root: { type: 'root', children: [{ type: 'x-unknown', children: [{ type: 'text', text: 'hidden' }] }] } });
    file['cr:project']!.summary = { json, text: 'hidden', author: 'Boris', modifiedAt: '2030-01-01T00:00:00.000Z' };
    const err = await expectAppError(importInto(A, 'summary.json', JSON.stringify(file), true), 'bad-input');
    expect(err.message).toMatch(/cr:project\.summary\.json: .*“x-unknown” node is not one the editor knows/);
  });

  it('the CLI prints terminal control sequences from titles and tags escaped', () => {
    const tag = { id: '00000000-0000-4000-8000-000000000001', name: '\u001b]0;owned\u0007\u202eRTL', color: '#3b7dd8' } as Tag;
    const doc = { id: tag.id, title: 'T\u001b[2J\u009b1m', outlet: '\u202e', author: '', date: null, language: 'ru', hash: '', length: 1 } as unknown as DocumentMeta;
    for (const out of [formatTags([tag], false), formatTags([tag], true), formatDocuments([doc], false), formatDocuments([doc], true)]) {
      expect(hasHiddenOrBroken(out.replaceAll('\n', ''))).toBe(false);
      expect(out).toMatch(/\\u001b|\\u202e/);
    }
    expect(formatTags([tag], false)).toBe(`${tag.id}  #3b7dd8  \\u001b]0;owned\\u0007\\u202eRTL\n`);
    const counts = { new: 0, updated: 0, conflicts: 0, orphans: 0, unchanged: 0, deleted: 0, reanchored: 0 };
    const preview = formatPreview({
      fileName: 'f\u001b[31m.json', kind: 'w3c', applied: false, changed: false, claims: counts, links: counts,
      byDocument: [{ title: '\u202eLTR', counts }], byAuthor: [], tagsCreated: 0, documentsCreated: 0, skipped: [], skippedTotal: 0,
      other: { notes: counts, tags: counts, relations: counts, documents: counts, summary: counts },
      recorded: { annotation: 0, link: 0, note: 0, tag: 0, relation: 0, document: 0, summary: 0, attribute: 0, attribute_value: 0, hypothesis_analysis: 0, hypothesis: 0, hypothesis_row: 0, hypothesis_rating: 0, cluster_title: 0 }, anchorLimited: 0,
    });
    expect(preview).toContain('f\\u001b[31m.json');
    expect(preview).toContain('\\u202eLTR');
  });
});
