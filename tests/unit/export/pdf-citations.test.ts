/**
 * A claim on page 2 of an imported PDF is cited "p. 2, ¶n" everywhere a claim is cited outside
 * the app: the dossier's JSON, CSV, Markdown and HTML, and the share file, where the page is a W3C
 * FragmentSelector (RFC 3778 "page=2") beside the text selectors.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withProject, type Fixture } from '../core/helpers';
import { expectedText, printArticle, readParagraph, SAMPLE_ARTICLE } from '../../fixtures/printed-pdf';

let fx: Fixture;
let pdf: Buffer;

beforeAll(async () => {
  pdf = await printArticle(SAMPLE_ARTICLE);
}, 120_000);

// Projects are closed after each test (tests/unit/core/helpers.ts), so each test imports the PDF anew.
beforeEach(async () => {
  fx = await withProject();
  const result = await fx.backend.call('documents.import', { files: [{ name: 'kazpravda.pdf', dataBase64: pdf.toString('base64') }] });
  expect(result.failed).toEqual([]);
  const doc = await fx.backend.call('documents.get', { id: result.imported[0]!.id });
  expect(doc.text).toBe(expectedText(SAMPLE_ARTICLE));
  // The second paragraph of page 2: «Межрелигиозный диалог … экспертов …».
  const quote = readParagraph(SAMPLE_ARTICLE.pages[1]![1]!).slice(0, 60);
  const start = doc.text.indexOf(quote);
  expect(start).toBeGreaterThan(doc.pageStarts[1]!);
  const tag = (await fx.backend.call('tags.list', {})).find((t) => t.name === 'interfaith')!;
  await fx.backend.call('annotations.create', { documentId: doc.id, start, end: start + quote.length, tagIds: [tag.id] });
});

async function exported(format: 'json' | 'csv' | 'md' | 'html', language: 'en' | 'ru' = 'en'): Promise<string> {
  const r = await fx.backend.call('export.build', { format, options: { language } });
  return Buffer.from(r.dataBase64, 'base64').toString('utf8');
}

describe('citations of a PDF', () => {
  it('a claim on page 2 of a PDF is cited with its page and its paragraph on that page in the dossier', async () => {
    const json = JSON.parse(await exported('json')) as { claims: { quote: string; citation: { page?: number; paragraph: number } }[] };
    expect(json.claims).toHaveLength(1);
    expect(json.claims[0]!.citation).toMatchObject({ page: 2, paragraph: 2 });
    expect(await exported('md')).toContain('p. 2, ¶2');
    expect(await exported('html')).toContain('p. 2, ¶2');
    expect(await exported('md', 'ru')).toContain('с. 2, ¶2');
    const csv = (await exported('csv')).split('\r\n');
    expect(csv[0]).toContain('date,page,paragraph');
    expect(csv[1]).toMatch(/,2,2,/);
  });

  it('a claim on page 2 of a PDF carries a FragmentSelector page=2 beside its text selectors in the share file', async () => {
    const share = JSON.parse((await fx.backend.call('share.export', { embedText: false })).content) as {
      items?: { target?: { selector?: { type: string; value?: string; conformsTo?: string }[] } }[];
    };
    const selectors = JSON.stringify(share).match(/"selector":\[[^\]]*\]/g) ?? [];
    expect(selectors).toHaveLength(1);
    expect(selectors[0]).toContain('"type":"TextQuoteSelector"');
    expect(selectors[0]).toContain('"type":"TextPositionSelector"');
    expect(selectors[0]).toContain('{"type":"FragmentSelector","conformsTo":"http://tools.ietf.org/rfc/rfc3778","value":"page=2"}');
  });
});
