/**
 * Each format's content, not just that a file exists: JSON against the shipped schema with an
 * independent validator (and every other format rebuilt from it), DOCX XML, PDF text, CSV parsed.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../../electron/core/export/csv';
import { renderHtml } from '../../../electron/core/export/html';
import { parseDossierJson } from '../../../electron/core/export/index';
import { renderMarkdown } from '../../../electron/core/export/markdown';
import type { ExportFormat } from '../../../shared/dossier';
import { tempDir } from '../core/helpers';
import { corpusProject, HAS_CHROMIUM, Q } from './fixture';

const SCHEMA = path.resolve(__dirname, '../../../resources/schema/dossier.schema.json');

type Fx = Awaited<ReturnType<typeof corpusProject>>;
async function build(fx: Fx, format: ExportFormat, options: Record<string, unknown> = {}) {
  const r = await fx.backend.call('export.build', { format, options });
  return { ...r, data: Buffer.from(r.dataBase64, 'base64') };
}
const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('JSON export', () => {
  it('validates against the shipped JSON Schema, and the other formats rebuild from it', async () => {
    const fx = await corpusProject();
    const json = await build(fx, 'json', { language: 'ru' });
    expect(json.mime).toBe('application/json');
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')));
    const value: unknown = JSON.parse(json.data.toString('utf8'));
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);

    // The schema really constrains: a wrong version or a javascript: link in a note is refused.
    const wrong = JSON.parse(json.data.toString('utf8')) as { version: number; claims: { note: { blocks: { inlines: { kind: string; href?: string }[] }[] } | null }[] };
    wrong.version = 2;
    expect(validate(wrong)).toBe(false);
    const hostile = JSON.parse(json.data.toString('utf8')) as typeof wrong;
    const noted = hostile.claims.find((c) => c.note?.blocks.some((b) => b.inlines?.some((i) => i.kind === 'link')))!;
    const link = noted.note!.blocks.flatMap((b) => b.inlines ?? []).find((i) => i.kind === 'link')!;
    link.href = 'javascript:alert(1)';
    expect(validate(hostile)).toBe(false);

    const dossier = parseDossierJson(json.data.toString('utf8'));
    expect(renderMarkdown(dossier)).toBe((await build(fx, 'md', { language: 'ru' })).data.toString('utf8').replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/, dossier.generatedAt));
    expect(renderCsv(dossier)).toBe((await build(fx, 'csv', { language: 'ru' })).data.toString('utf8'));
    const html = (await build(fx, 'html', { language: 'ru' })).data.toString('utf8');
    const stamp = (s: string) => s.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T');
    expect(stamp(renderHtml(dossier))).toBe(stamp(html));
  });
});

describe('Markdown export', () => {
  it('has the same structure as the dossier, with Cyrillic quotes and citations', async () => {
    const fx = await corpusProject();
    const md = (await build(fx, 'md')).data.toString('utf8');
    const headings = md.split('\n').filter((l) => /^#{1,3} /.test(l));
    expect(headings.slice(0, 3)).toEqual(['# Abraham Accords — dossier', '## Summary', '## Sources']);
    expect(headings).toEqual(expect.arrayContaining(['## Findings', '### economic (3)', '### security (4)', '### interfaith (2)', '### Untagged (1)', '## Cross-source view', '## Tags × sources']));
    expect(md).toContain(`> «${Q.zIran}»`);
    expect(md).toMatch(/- \*Supports:\* caravan-2025-11-kazantsev, no date, ¶\d+ — «Прежде всего/);
    expect(md).toContain('**Ключевой тезис:** редкоземельные металлы');
    expect(md).toContain('[Акорда](<https://www.akorda.kz/ru>)');
    expect(md).toMatch(/\| \\# \| Title \| Outlet \|/);
  });
});

describe('DOCX export', () => {
  it('is a Word document with headings, real tables, quotes in the Quote style and footnote citations', async () => {
    const fx = await corpusProject();
    const docx = await build(fx, 'docx', { language: 'ru' });
    expect(docx.fileName).toBe('Abraham Accords — dossier.docx');
    const zip = await JSZip.loadAsync(docx.data);
    const xml = await zip.file('word/document.xml')!.async('string');
    const footnotes = await zip.file('word/footnotes.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');
    const text = (x: string) => squash(x.replace(/<w:tab\/>/g, ' ').replace(/<[^>]+>/g, ''));

    expect(styles).toMatch(/<w:style [^>]*w:styleId="Quote"/);
    for (const heading of ['Источники', 'Выводы', 'Сопоставление источников', 'Теги × источники']) {
      expect(xml).toMatch(new RegExp(`<w:pStyle w:val="Heading1"/>.*?<w:t[^>]*>${heading}</w:t>`));
    }
    expect(xml.match(/<w:tbl>/g)).toHaveLength(2);
    // The Quote paragraphs hold the Cyrillic quotes, each with a footnote reference.
    const quoteParas = xml.match(/<w:p>(?:(?!<\/w:p>).)*<w:pStyle w:val="Quote"\/>(?:(?!<\/w:p>).)*<\/w:p>/g) ?? [];
    const quoteTexts = quoteParas.map(text);
    expect(quoteTexts).toContain(`«${Q.zIran}»`);
    expect(quoteTexts).toContain(`«${Q.kRare}»`);
    expect(quoteParas.every((p) => p.includes('<w:footnoteReference'))).toBe(true);
    expect(text(footnotes)).toMatch(/zakon-2026-03-02-badamov, 2 марта 2026, ¶\d+\./);
    // The sources table has every document's hash; the note's rich text is there.
    expect(text(xml)).toContain(fx.docs.kazpravda.hash);
    expect(text(xml)).toContain('Ключевой тезис:');
    expect(text(xml)).toMatch(/Подтверждает: caravan-2025-11-kazantsev, без даты, ¶\d+ — «Прежде всего/);
  });
});

describe('CSV export', () => {
  it('has one row per claim and round-trips quotes, newlines, commas and Cyrillic through a CSV parser', async () => {
    const fx = await corpusProject();
    const plain = (await build(fx, 'csv')).data;
    expect(plain[0]).not.toBe(0xef);
    const csv = await build(fx, 'csv', { bom: true });
    expect([...csv.data.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(csv.data.toString('utf8'), { bom: true, columns: true, relax_quotes: false }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(['id', 'number', 'document', 'outlet', 'date', 'page', 'paragraph', 'quote', 'tags', 'note', 'links', 'grade', 'source attributes']);
    expect(rows).toHaveLength(8);
    const iran = rows.find((r) => r.quote === Q.zIran)!;
    expect(iran).toMatchObject({ id: fx.claims.zIran.id, document: 'zakon-2026-03-02-badamov', date: '2026-03-02', tags: 'security' });
    expect(iran.note).toBe('Реакция Ирана, line one\nline two, "quoted"');
    expect(iran.links).toMatch(/^Contradicts: kazpravda-2025-11-07-velizade, 7 Nov 2025, ¶\d+ — «Казахстанские миротворцы/);
    expect(Number(iran.paragraph)).toBeGreaterThan(0);
    expect(rows.find((r) => r.quote === Q.c17)!.tags).toBe('economic; security');
    expect(rows.find((r) => r.quote === Q.kRare)!.note).toContain('«новая нефть», "17 bn", commas');
  });
});

describe.skipIf(!HAS_CHROMIUM)('PDF export', () => {
  it('prints the HTML with Chromium: Cyrillic quotes and page numbers are in the text', async () => {
    const fx = await corpusProject();
    const pdf = await build(fx, 'pdf', { language: 'ru' });
    expect(pdf.data.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const dir = tempDir();
    const file = path.join(dir, 'd.pdf');
    fs.writeFileSync(file, pdf.data);
    const text = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
    expect(text).toContain(`«${Q.zIran}»`);
    expect(text).toContain(squash(`«${Q.kPeace}»`));
    expect(text).toContain('Сопоставление источников');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(2);
    // The page-number margin box: "1 / 6" (pdftotext may drop the spaces around the slash).
    expect(text).toMatch(new RegExp(`\\b1 ?/ ?${pages}\\b`));
    expect(text).toMatch(new RegExp(`\\b${pages} ?/ ?${pages}\\b`));
  }, 60_000);
});
