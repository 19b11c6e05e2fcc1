/**
 * The claim graph as a dossier figure: asked for in the options, drawn in the core from the
 * dossier's claims at the places the Graph view shows them, inline SVG in HTML, a PNG picture in
 * DOCX, and data (not markup) in the JSON so a dossier read back cannot smuggle markup in.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseDossierJson, renderDossier } from '../../../electron/core/export/index';
import { seededLayout } from '../../../shared/graph';
import type { Dossier } from '../../../shared/dossier';
import { corpusProject, HAS_CHROMIUM, Q } from '../export/fixture';

type Fx = Awaited<ReturnType<typeof corpusProject>>;

async function build(fx: Fx, format: 'html' | 'json' | 'docx', options: Record<string, unknown>) {
  const r = await fx.backend.call('export.build', { format, options });
  return Buffer.from(r.dataBase64, 'base64');
}

describe('the claim graph in the dossier', () => {
  it('is left out unless asked for, and in the HTML is an SVG of the dossier’s claims and links in their colours', async () => {
    const fx = await corpusProject();
    // (The cross-source section has a timeline figure of its own: the graph is the one under its heading.)
    expect((await build(fx, 'html', {})).toString('utf8')).not.toContain('<h2 id="graph">');

    const html = (await build(fx, 'html', { graph: true })).toString('utf8');
    const at = html.indexOf('<h2 id="graph">');
    const svg = html.slice(html.indexOf('<svg', at), html.indexOf('</svg>', at) + 6);
    expect(svg.length).toBeGreaterThan(100);
    expect(html).toContain('<h2 id="graph">Claim graph</h2>');
    // Eight claims as dots, four links as lines in their type's colour: one-way types with an arrow, a contradiction (both ways) without.
    expect(svg.match(/<circle /g)).toHaveLength(8);
    expect(svg.match(/<line /g)).toHaveLength(4);
    expect(svg).toMatch(/<line [^>]*stroke="#2f9e44"[^>]*marker-end="url\(#arrow-2f9e44\)"/);
    expect(svg).toMatch(/<line [^>]*stroke="#e03131" stroke-width="2"\/>/);
    // Grouped by source, each group captioned with its title.
    for (const d of [fx.docs.kazpravda, fx.docs.caravan, fx.docs.zakon]) expect(svg).toContain(`>${d.title.replace(/"/g, '&quot;')}</text>`);
    expect(svg).toContain(Q.zIran.slice(0, 30));

    // A claim left out of the dossier (its source unticked) is not in the figure either.
    const some = (await build(fx, 'html', { graph: true, sourceIds: [fx.docs.kazpravda.id] })).toString('utf8');
    const someAt = some.indexOf('<h2 id="graph">');
    expect(some.slice(some.indexOf('<svg', someAt), some.indexOf('</svg>', someAt)).match(/<circle /g)).toHaveLength(3);
  });

  it('draws a node where the analyst dragged it in the Graph view', async () => {
    const fx = await corpusProject();
    const json = async () => JSON.parse((await build(fx, 'json', { graph: true })).toString('utf8')) as Dossier;
    const before = (await json()).graph!.nodes.find((n) => n.id === fx.claims.zIran.id)!;
    await fx.backend.call('graph.place', { arrangement: 'document', positions: [{ nodeId: fx.claims.zIran.id, x: 777, y: -333 }] });
    const after = (await json()).graph!.nodes.find((n) => n.id === fx.claims.zIran.id)!;
    expect([before.x, before.y]).not.toEqual([777, -333]);
    expect([after.x, after.y]).toEqual([777, -333]);
    // The others keep the seeded places, the same on every export.
    const again = await json();
    expect(again.graph!.nodes.filter((n) => n.id !== fx.claims.zIran.id)).toEqual((await json()).graph!.nodes.filter((n) => n.id !== fx.claims.zIran.id));
    expect(seededLayout([{ id: 'a', group: 'g' }]).get('a')).toEqual(seededLayout([{ id: 'a', group: 'g' }]).get('a'));
  });

  it('a hostile quote or source title is escaped in the figure, and a dossier JSON whose figure carries markup is refused', async () => {
    const fx = await corpusProject();
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    await fx.backend.call('documents.update', { id: fx.docs.zakon.id, patch: { title: evil } });
    const html = (await build(fx, 'html', { graph: true })).toString('utf8');
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    const d = JSON.parse((await build(fx, 'json', { graph: true })).toString('utf8')) as Dossier;
    const bad = { ...d, graph: { ...d.graph!, nodes: d.graph!.nodes.map((n, i) => (i === 0 ? { ...n, color: 'red"/><script>x()</script>' } : n)) } };
    expect(() => parseDossierJson(JSON.stringify(bad))).toThrow(/not a Crossread dossier/);
    // A label with markup is only text: read back and rendered again, it stays escaped.
    const labelled = { ...d, graph: { ...d.graph!, nodes: d.graph!.nodes.map((n, i) => (i === 0 ? { ...n, label: '</text><script>x()</script>' } : n)) } };
    const again = (await renderDossier(parseDossierJson(JSON.stringify(labelled)), 'html')).toString('utf8');
    expect(again).not.toContain('<script>x()');
  });

  it.skipIf(!HAS_CHROMIUM)('in the DOCX is a PNG picture of the figure, with its relationship and content type', async () => {
    const fx = await corpusProject();
    const zip = await JSZip.loadAsync(await build(fx, 'docx', { graph: true }), { checkCRC32: true });
    const png = await zip.file('word/media/graph.png')!.async('nodebuffer');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(2_000);
    expect(await zip.file('word/_rels/document.xml.rels')!.async('string')).toContain('Target="media/graph.png"');
    expect(await zip.file('[Content_Types].xml')!.async('string')).toContain('Extension="png"');
    const doc = await zip.file('word/document.xml')!.async('string');
    expect(doc).toContain('r:embed="rIdGraphFigure"');
    expect(doc).toContain('Claim graph');

    const plain = await JSZip.loadAsync(await build(fx, 'docx', {}));
    expect(plain.file('word/media/graph.png')).toBeNull();
  });
});
