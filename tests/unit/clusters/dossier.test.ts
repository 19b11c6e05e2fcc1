/**
 * The dossier's cross-source section uses the app's clusters: every format heads a cluster's group
 * with the title the analyst gave it (or the earliest quote), lists the claims supporting it, and
 * keeps its contradictions.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { dealsCluster, RARE_EARTHS } from './helpers';

const TITLE = 'Сделки на 17 млрд: <подтверждено> & «оспорено»';

async function build(backend: Awaited<ReturnType<typeof dealsCluster>>['backend'], format: 'html' | 'md' | 'docx') {
  const r = await backend.call('export.build', { format, options: { language: 'ru' } });
  return Buffer.from(r.dataBase64, 'base64');
}

describe('clusters in the dossier', () => {
  it('a renamed cluster’s title heads its group in HTML, Markdown and DOCX, escaped, with its support and contradiction', async () => {
    const { backend, k } = await dealsCluster();
    const before = (await build(backend, 'html')).toString('utf8');
    expect(before).toContain(`Кластер 1: ${k.exact}`);
    await backend.call('clusters.rename', { key: k.id, title: TITLE });

    const html = (await build(backend, 'html')).toString('utf8');
    expect(html).toContain('<h3>Кластер 1: Сделки на 17 млрд: &lt;подтверждено&gt; &amp; «оспорено»</h3>');
    expect(html).not.toContain('<подтверждено>');
    const group = html.slice(html.indexOf('<div class="group">'), html.indexOf('</div>', html.indexOf('<div class="group">')));
    expect(group).toContain('<ul class="linked"><li><span class="rel rel-supports">Подтверждает:</span>');
    expect(group).toContain(RARE_EARTHS);
    expect(group).toContain('<ul class="contradicting">');

    // The timeline figure heads the section: the cluster's row, the Kazpravda claim (7 Nov 2025) is cited in its mark.
    const figure = html.slice(html.indexOf('<figure class="timeline"'), html.indexOf('</figure>'));
    expect(figure).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(figure).toContain('Сделки на 17 млрд: &lt;подтверждено&gt; &amp; «оспорено»');
    expect(figure).toMatch(/<title>«были заключены сделки[^<]*» — kazpravda-2025-11-07-velizade, 7 нояб\. 2025, ¶\d+<\/title>/);
    expect(figure).toContain('<figcaption>Хронология кластеров');

    const md = (await build(backend, 'md')).toString('utf8');
    expect(md).toContain('### Кластер 1: Сделки на 17 млрд: \\<подтверждено\\> \\& «оспорено»');

    const zip = await JSZip.loadAsync(await build(backend, 'docx'));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Кластер 1: Сделки на 17 млрд: &lt;подтверждено&gt; &amp; «оспорено»');
  });
});
