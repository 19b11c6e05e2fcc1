/**
 * Quotes, notes, titles and tags come from untrusted documents and colleagues' files: nothing in
 * them may run or load anything in any exported format. Hostile markup goes into a note, the
 * summary, a document's title and outlet, and a tag name; every format is checked.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import JSZip from 'jszip';
import MarkdownIt from 'markdown-it';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { DOSSIER_CSP } from '../../../electron/core/export/html';
import { suggestFileName } from '../../../shared/dossier';
import { tempDir } from '../core/helpers';
import { corpusProject, HAS_CHROMIUM } from './fixture';

const SCRIPT = `<script>document.body.textContent='PWNED'</script>`;
const IMG = `<img src=x onerror="alert(1)">`;
const MD_LINK = `[click](javascript:alert(2))`;

function hostileNote(): string {
  const text = (t: string) => ({ type: 'text', version: 1, text: t, format: 0, style: '', mode: 'normal', detail: 0 });
  const link = (url: string, t: string) => ({ type: 'link', version: 1, url, rel: null, target: null, title: null, children: [text(t)] });
  return JSON.stringify({
    root: {
      type: 'root',
      version: 1,
      children: [
        { type: 'paragraph', version: 1, children: [text(`${SCRIPT} ${IMG} ${MD_LINK}`)] },
        { type: 'paragraph', version: 1, children: [link('javascript:alert(3)', 'js link'), link(' JaVaScRiPt:alert(4)', 'mixed case'), link('java\tscript:alert(5)', 'tabbed'), link('data:text/html,<script>alert(6)</script>', 'data')] },
        { type: 'paragraph', version: 1, children: [link('https://example.org/ok', 'fine link')] },
      ],
    },
  });
}

async function hostileProject() {
  const fx = await corpusProject('Hostile');
  const b = fx.backend;
  await b.call('documents.update', { id: fx.docs.kazpravda.id, patch: { title: `${SCRIPT}${IMG}`, outlet: `=HYPERLINK("http://evil.example","x")` } });
  await b.call('documents.update', { id: fx.docs.zakon.id, patch: { outlet: `"><svg onload=alert(7)>` } });
  const tag = await b.call('tags.create', { name: `${IMG}${MD_LINK}` });
  await b.call('annotations.update', { id: fx.claims.kRare.id, tagIds: [fx.tags.economic.id, tag.id] });
  await b.call('notes.save', { owner: { kind: 'annotation', id: fx.claims.kRare.id }, json: hostileNote() });
  await b.call('dossier.summary.save', { json: hostileNote() });
  return fx;
}

async function build(fx: Awaited<ReturnType<typeof hostileProject>>, format: 'html' | 'md' | 'docx' | 'csv' | 'pdf') {
  return Buffer.from((await fx.backend.call('export.build', { format, options: { title: `../../${SCRIPT}` } })).dataBase64, 'base64');
}

/** Everything in an HTML text that could run or load: elements, event attributes, link targets. */
function activeParts(html: string) {
  const found = { tags: new Set<string>(), svgs: 0, events: [] as string[], hrefs: [] as string[], srcs: [] as string[], csp: [] as string[], text: '' };
  const parser = new Parser({
    onopentag(name, attrs) {
      found.tags.add(name);
      if (name === 'svg') found.svgs++;
      for (const [k, v] of Object.entries(attrs)) {
        if (k.startsWith('on')) found.events.push(`${name} ${k}`);
        if (k === 'href') found.hrefs.push(v);
        if (k === 'src' || k === 'srcset' || k === 'action' || k === 'formaction' || k === 'data') found.srcs.push(v);
      }
      if (name === 'meta' && attrs['http-equiv']?.toLowerCase() === 'content-security-policy') found.csp.push(attrs.content ?? '');
    },
    ontext(t) {
      found.text += t;
    },
  }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return found;
}

const FORBIDDEN = ['script', 'img', 'svg', 'iframe', 'object', 'embed', 'link', 'base', 'form', 'video', 'audio', 'math'];
/** The dossier's own timeline figure is SVG made of these shapes only (no links, images or scripts). */
const FIGURE = ['svg', 'g', 'title', 'circle', 'rect', 'line', 'path', 'text', 'figure', 'figcaption'];

describe('hostile content in an export', () => {
  it('HTML: nothing can run or load; the hostile text is shown as text', async () => {
    const fx = await hostileProject();
    const html = (await build(fx, 'html')).toString('utf8');
    const parts = activeParts(html);
    expect(FORBIDDEN.filter((t) => t !== 'svg' && parts.tags.has(t))).toEqual([]);
    // One svg: the timeline figure the exporter draws; the outlet's "<svg onload>" stays text.
    expect(parts.svgs).toBe(1);
    const figure = html.slice(html.indexOf('<figure class="timeline"'), html.indexOf('</figure>'));
    expect([...activeParts(figure).tags].filter((t) => !FIGURE.includes(t))).toEqual([]);
    expect(parts.text).toContain('"><svg onload=alert(7)>');
    expect(parts.events).toEqual([]);
    expect(parts.srcs).toEqual([]);
    expect(parts.hrefs.filter((h) => !/^(#[a-z0-9-]+|https?:\/\/|mailto:)/.test(h))).toEqual([]);
    expect(parts.hrefs).toContain('https://example.org/ok');
    expect(parts.csp).toEqual([DOSSIER_CSP]);
    expect(parts.text).toContain(SCRIPT);
    expect(parts.text).toContain(IMG);
    expect(parts.text).toContain('js link');
  });

  it('Markdown: even a renderer that allows raw HTML gets no active markup from it', async () => {
    const fx = await hostileProject();
    const md = (await build(fx, 'md')).toString('utf8');
    const rendered = new MarkdownIt({ html: true, linkify: true }).render(md);
    const parts = activeParts(rendered);
    expect(FORBIDDEN.filter((t) => parts.tags.has(t))).toEqual([]);
    expect(parts.events).toEqual([]);
    expect(parts.hrefs.filter((h) => !/^(https?:\/\/|mailto:)/.test(h))).toEqual([]);
    expect(parts.hrefs).toContain('https://example.org/ok');
    expect(parts.text).toContain(SCRIPT);
  });

  it('DOCX: only the safe link becomes a hyperlink; markup stays text', async () => {
    const fx = await hostileProject();
    const zip = await JSZip.loadAsync(await build(fx, 'docx'));
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    const targets = [...rels.matchAll(/Target="([^"]*)"[^>]*TargetMode="External"/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.filter((t) => t !== 'https://example.org/ok')).toEqual([]);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).not.toMatch(/<script|<img|<svg/i);
    expect(xml).toContain('&lt;script&gt;');
  });

  it('CSV: a cell that a spreadsheet would run as a formula is defused', async () => {
    const fx = await hostileProject();
    const rows = parseCsv((await build(fx, 'csv')).toString('utf8'), { columns: true }) as Record<string, string>[];
    const fromK = rows.filter((r) => r.outlet.includes('HYPERLINK'));
    expect(fromK.length).toBeGreaterThan(0);
    expect(fromK.every((r) => r.outlet.startsWith("'="))).toBe(true);
  });

  it('the suggested file name comes from the title with nothing that could pick a path', () => {
    expect(suggestFileName(`../../${SCRIPT}`, 'pdf')).toBe('script document body textContent PWNED script.pdf');
    expect(suggestFileName('/etc/passwd', 'md')).toBe('etc passwd.md');
    expect(suggestFileName('..', 'html')).toBe('Dossier.html');
    expect(suggestFileName('Досье: Соглашения Авраама', 'docx')).toBe('Досье Соглашения Авраама.docx');
    expect(suggestFileName('CON', 'csv')).toBe('Dossier CON.csv');
    expect(suggestFileName('a\u0000b\u202Ecod.exe', 'json')).toBe('a b cod exe.json');
  });

  it.skipIf(!HAS_CHROMIUM)('PDF: the printed page shows the markup as text (no script ran)', async () => {
    const fx = await hostileProject();
    const file = path.join(tempDir(), 'h.pdf');
    fs.writeFileSync(file, await build(fx, 'pdf'));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain("<script>document.body.textContent='PWNED'</script>");
    expect(text).toContain('Иран уже высказал свое недовольство.');
  }, 60_000);
});
