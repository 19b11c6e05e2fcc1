/**
 * The dossier's figures outside HTML: the clusters' timeline is a picture in the DOCX (as the graph
 * already was), and the Markdown carries both figures as SVG images inside the file.
 */
import JSZip from 'jszip';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/core/errors';
import { renderDossier } from '../../../electron/core/export/index';
import type { Dossier } from '../../../shared/dossier';
import { corpusProject, HAS_CHROMIUM } from './fixture';

type Fx = Awaited<ReturnType<typeof corpusProject>>;

async function build(fx: Fx, format: 'md' | 'docx' | 'json', options: Record<string, unknown> = {}) {
  const r = await fx.backend.call('export.build', { format, options });
  return Buffer.from(r.dataBase64, 'base64');
}

/** The SVGs of a Markdown file's data: URI images, with their alt texts. */
function svgImages(md: string): { alt: string; svg: string }[] {
  return [...md.matchAll(/!\[((?:\\.|[^\]])*)\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/g)].map((m) => ({ alt: m[1]!, svg: Buffer.from(m[2]!, 'base64').toString('utf8') }));
}

async function expectWellFormed(svg: string) {
  const r = await validateXML({ xml: [{ fileName: 'figure.svg', contents: svg }], normalization: 'format' });
  expect(r.errors.map((e) => e.rawMessage)).toEqual([]);
  expect(r.valid).toBe(true);
}

/** A PNG's size from its IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('the dossier’s figures in DOCX and Markdown', () => {
  it.skipIf(!HAS_CHROMIUM)('the timeline is a picture in the DOCX, heading the cross-source section, beside the graph’s', async () => {
    const fx = await corpusProject();
    const zip = await JSZip.loadAsync(await build(fx, 'docx', { graph: true }), { checkCRC32: true });
    const png = await zip.file('word/media/timeline.png')!.async('nodebuffer');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // Drawn at twice the dossier figure's 900 units, for print.
    expect(pngSize(png).width).toBe(1800);
    expect(pngSize(png).height).toBeGreaterThan(100);
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    expect(rels).toMatch(/<Relationship Id="rIdTimelineFigure" Type="[^"]+\/image" Target="media\/timeline.png"\/>/);
    expect(rels).toContain('Target="media/graph.png"');
    expect(await zip.file('[Content_Types].xml')!.async('string')).toContain('Extension="png"');
    const doc = await zip.file('word/document.xml')!.async('string');
    const cross = doc.indexOf('Cross-source view');
    const picture = doc.indexOf('r:embed="rIdTimelineFigure"');
    expect(cross).toBeGreaterThan(0);
    expect(picture).toBeGreaterThan(cross);
    // Before the first cluster's heading, as in the HTML.
    expect(picture).toBeLessThan(doc.indexOf('Cluster 1', cross));
    expect(doc).toContain('descr="Timeline of the clusters');
    expect(doc).toContain('r:embed="rIdGraphFigure"');
  });

  it('a DOCX is still made, without the timeline picture, where no Chromium can draw it', async () => {
    const fx = await corpusProject();
    const d = JSON.parse((await build(fx, 'json')).toString('utf8')) as Dossier;
    const missing = () => Promise.reject(new AppError('unavailable', 'no Chromium here'));
    const zip = await JSZip.loadAsync(await renderDossier(d, 'docx', { rasterize: missing }));
    expect(zip.file('word/media/timeline.png')).toBeNull();
    expect(await zip.file('word/document.xml')!.async('string')).not.toContain('rIdTimelineFigure');
    // Any other failure is not hidden.
    const broken = () => Promise.reject(new AppError('internal', 'Chromium crashed'));
    await expect(renderDossier(d, 'docx', { rasterize: broken })).rejects.toThrow('Chromium crashed');
  });

  it('the Markdown carries the timeline and the graph as well-formed SVG images in data: URIs', async () => {
    const fx = await corpusProject();
    const md = (await build(fx, 'md', { graph: true })).toString('utf8');
    const images = svgImages(md);
    expect(images.map((i) => i.alt)).toEqual(['Timeline of the clusters: who said it first, who repeated or contradicted it later', 'Claim graph — Abraham Accords — dossier']);
    for (const { svg } of images) {
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      await expectWellFormed(svg);
    }
    const [timeline, graph] = images.map((i) => i.svg);
    // The cluster's row (titled by its earliest quote) and its two sources' claims.
    expect(timeline).toContain('<title>Эта идея тоже близка политике Казахстана');
    expect(timeline!.match(/<g transform="translate\([^)]*\)" aria-label="«/g)).toHaveLength(2);
    expect(graph!.match(/<circle /g)).toHaveLength(8);
    // The timeline under the cross-source heading, the graph under its own.
    expect(md.indexOf('![Timeline')).toBeGreaterThan(md.indexOf('## Cross-source view'));
    expect(md.indexOf('![Claim graph')).toBeGreaterThan(md.indexOf('## Claim graph'));

    const plain = svgImages((await build(fx, 'md')).toString('utf8'));
    expect(plain.map((i) => i.alt)).toEqual(['Timeline of the clusters: who said it first, who repeated or contradicted it later']);
  });

  it('a hostile document title stays text inside the Markdown’s figures and their alt text', async () => {
    const fx = await corpusProject();
    const evil = '](javascript:alert(1)) <script>x()</script>';
    await fx.backend.call('documents.update', { id: fx.docs.zakon.id, patch: { title: evil } });
    await fx.backend.call('dossier.settings.get', {});
    const md = (await build(fx, 'md', { graph: true, title: evil })).toString('utf8');
    const images = svgImages(md);
    expect(images).toHaveLength(2);
    expect(images[1]!.alt).toBe('Claim graph — \\]\\(javascript:alert\\(1\\)\\) \\<script\\>x\\(\\)\\</script\\>'.replace(/\\\(/g, '(').replace(/\\\)/g, ')'));
    for (const { svg } of images) {
      expect(svg).not.toContain('<script');
      await expectWellFormed(svg);
    }
  });
});
