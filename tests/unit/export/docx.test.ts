/**
 * The DOCX writer's own parts: the ZIP container (read back by an independent reader with its CRC
 * checks on) and the WordprocessingML of rich notes — every kind of inline and block a note can
 * hold, one relationship per external link target, and characters XML cannot hold dropped.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../electron/core/export/docx';
import { zipFiles } from '../../../electron/core/export/zip';
import type { Dossier } from '../../../shared/dossier';
import type { RichBlock } from '../../../shared/richtext';
import { corpusProject } from './fixture';

async function dossier(fx: Awaited<ReturnType<typeof corpusProject>>): Promise<Dossier> {
  const r = await fx.backend.call('export.build', { format: 'json', options: {} });
  return JSON.parse(Buffer.from(r.dataBase64, 'base64').toString('utf8')) as Dossier;
}

describe('the ZIP container', () => {
  it('is read back byte for byte, CRCs checked, with the given modification time', async () => {
    const big = Buffer.from('<w:t>Казахстан «17 млрд»</w:t>'.repeat(50_000), 'utf8');
    const data = zipFiles(
      [
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'word/document.xml', data: big },
        { name: 'empty.xml', data: Buffer.alloc(0) },
      ],
      new Date('2026-03-02T10:20:30Z'),
    );
    expect(data.length).toBeLessThan(big.length / 20);
    const zip = await JSZip.loadAsync(data, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(['[Content_Types].xml', 'word/document.xml', 'empty.xml']);
    expect((await zip.file('word/document.xml')!.async('nodebuffer')).equals(big)).toBe(true);
    expect(await zip.file('empty.xml')!.async('string')).toBe('');
    const date = zip.file('word/document.xml')!.date;
    expect([date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]).toEqual([2026, 3, 2]);
  });

  it('refuses a path that is not plain ASCII', () => {
    expect(() => zipFiles([{ name: 'word/докумен.xml', data: Buffer.alloc(1) }], new Date())).toThrow(/plain archive path/);
  });
});

describe('DOCX rich text', () => {
  it('writes every kind of note content with its formatting, one relationship per link target, and drops characters XML cannot hold', async () => {
    const fx = await corpusProject();
    const d = await dossier(fx);
    const t = (text: string, o: object = {}) => ({ kind: 'text' as const, text, ...o });
    const blocks: RichBlock[] = [
      {
        kind: 'paragraph',
        inlines: [t('жирный', { bold: true }), t('курсив', { italic: true }), t('подчёркнут', { underline: true }), t('зачёркнут', { strike: true }), t('код', { code: true }), { kind: 'break' }, t('after\u0001break')],
      },
      { kind: 'heading', level: 2, inlines: [t('Заголовок')] },
      { kind: 'quote', inlines: [t('цитата в заметке')] },
      { kind: 'paragraph', inlines: [{ kind: 'link', href: 'https://example.org/a?b=1&c=2', children: [t('ссылка')] }, { kind: 'link', href: null, children: [t('мёртвая')] }] },
      { kind: 'list', ordered: true, items: [{ inlines: [t('первый')], children: [{ kind: 'list', ordered: false, items: [{ inlines: [t('вложенный')], children: [] }] }] }] },
    ];
    d.claims[0]!.note = { blocks, text: 'x' };
    d.claims[1]!.note = { blocks: [{ kind: 'paragraph', inlines: [{ kind: 'link', href: 'https://example.org/a?b=1&c=2', children: [t('again')] }] }], text: 'again' };
    d.cover.title = 'Досье\u0007 <b>';
    const zip = await JSZip.loadAsync(await renderDocx(d), { checkCRC32: true });
    const xml = await zip.file('word/document.xml')!.async('string');
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    const core = await zip.file('docProps/core.xml')!.async('string');

    expect(xml).toContain('<w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">жирный</w:t>');
    expect(xml).toContain('<w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">курсив</w:t>');
    expect(xml).toContain('<w:rPr><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">подчёркнут</w:t>');
    expect(xml).toContain('<w:rPr><w:strike/></w:rPr><w:t xml:space="preserve">зачёркнут</w:t>');
    expect(xml).toMatch(/<w:rFonts w:ascii="Courier New"[^>]*\/><\/w:rPr><w:t xml:space="preserve">код<\/w:t>/);
    expect(xml).toContain('<w:r><w:br/></w:r><w:r><w:t xml:space="preserve">afterbreak</w:t>');
    expect(xml).toContain('<w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">Заголовок</w:t>');
    expect(xml).toContain('<w:pPr><w:pStyle w:val="Quote"/></w:pPr><w:r><w:t xml:space="preserve">цитата в заметке</w:t>');
    expect(xml).toContain('<w:pPr><w:ind w:left="360" w:hanging="280"/></w:pPr><w:r><w:t xml:space="preserve">1. </w:t></w:r><w:r><w:t xml:space="preserve">первый</w:t>');
    expect(xml).toMatch(/<w:pStyle w:val="ListParagraph"\/><w:numPr><w:ilvl w:val="1"\/><w:numId w:val="\d+"\/><\/w:numPr><\/w:pPr><w:r><w:t xml:space="preserve">вложенный/);
    expect(xml).toContain('<w:r><w:t xml:space="preserve">мёртвая</w:t></w:r>');
    expect(xml).toContain('<w:pStyle w:val="Title"/></w:pPr><w:r><w:t xml:space="preserve">Досье &lt;b&gt;</w:t>');

    // Both notes link to the same URL: one relationship, used twice, its target escaped.
    const linkRels = [...rels.matchAll(/<Relationship Id="([^"]+)" Type="[^"]*hyperlink" Target="([^"]*)" TargetMode="External"\/>/g)];
    const example = linkRels.filter((m) => m[2] === 'https://example.org/a?b=1&amp;c=2');
    expect(example).toHaveLength(1);
    expect(xml.split(`r:id="${example[0]![1]}"`)).toHaveLength(3);
    expect(new Set(linkRels.map((m) => m[2])).size).toBe(linkRels.length);
    // Every relationship id the document uses is declared.
    const declared = new Set([...rels.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]));
    expect([...xml.matchAll(/r:id="([^"]+)"/g)].every((m) => declared.has(m[1]))).toBe(true);
    expect(core).toContain('<dc:title>Досье &lt;b&gt;</dc:title>');
  });
});
