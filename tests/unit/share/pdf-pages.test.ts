/**
 * A PDF's page map in the share file: sent with the embedded text (cr:pages), so a colleague who
 * gets the document from the file cites the same pages; a page map that does not fit the text is
 * refused by place and the merge changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { buildPdf, textContent } from '../../fixtures/pdf';
import { projectRows } from '../import/hostile';
import { analyst, exportFrom, importInto } from './helpers';

const PDF = buildPdf({ pages: [textContent(['Kazakhstan joins the Abraham Accords.']), textContent(['Iran reacts on page two.'])] });

const sharedDocuments = (file: string) => (JSON.parse(file) as { 'cr:project': { documents: Record<string, unknown>[] } })['cr:project'].documents;

async function withPdf() {
  const anna = await analyst('Anna');
  const result = await anna.backend.call('documents.import', { files: [{ name: 'accords.pdf', dataBase64: Buffer.from(PDF).toString('base64') }] });
  const doc = await anna.backend.call('documents.get', { id: result.imported[0]!.id });
  const start = doc.text.indexOf('Iran');
  await anna.backend.call('annotations.create', { documentId: doc.id, start, end: start + 4 });
  return { anna, doc };
}

describe('PDF pages in the share file', () => {
  it('a PDF sent with its text arrives with its pages, so the colleague’s dossier cites the same page', async () => {
    const { anna, doc } = await withPdf();
    const file = await exportFrom(anna, true);
    expect(sharedDocuments(file)[0]!['cr:pages']).toEqual(doc.pageStarts);
    const boris = await analyst('Boris');
    await importInto(boris, 'anna.jsonld', file);
    const [mine] = await boris.backend.call('documents.list', {});
    const got = await boris.backend.call('documents.get', { id: mine!.id });
    expect(got).toMatchObject({ format: 'pdf', pageStarts: doc.pageStarts });
    const json = JSON.parse(Buffer.from((await boris.backend.call('export.build', { format: 'json', options: {} })).dataBase64, 'base64').toString('utf8')) as {
      claims: { citation: { page?: number } }[];
    };
    expect(json.claims.map((c) => c.citation.page)).toEqual([2]);
  });

  it('a shared page map that runs past the text or goes back is refused by place, and the merge changes nothing', async () => {
    const { anna, doc } = await withPdf();
    const file = await exportFrom(anna, true);
    const boris = await analyst('Boris');
    const before = projectRows(boris.projectPath);
    for (const pages of [[0, doc.text.length + 1], [0, 9, 3], [5], 'all']) {
      const parsed = JSON.parse(file) as { 'cr:project': { documents: Record<string, unknown>[] } };
      parsed['cr:project'].documents[0]!['cr:pages'] = pages;
      const broken = JSON.stringify(parsed);
      await expect(importInto(boris, 'broken.jsonld', broken)).rejects.toThrow(/cr:project\.documents\[0\]\.cr:pages/);
      expect(projectRows(boris.projectPath)).toEqual(before);
    }
  });
});
