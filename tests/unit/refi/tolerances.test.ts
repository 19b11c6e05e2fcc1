/**
 * Real REFI-QDA files differ from the standard; each way a tool is known to differ is read as that
 * tool meant it. Every file here is built in the test.
 */
import { describe, expect, it } from 'vitest';
import { applyRefi } from '../../../electron/core/refi/import';
import { readQdpx } from '../../../electron/core/refi/read';
import { withProject } from '../core/helpers';
import { allRows } from '../share/helpers';
import { CODE, projectXml, SOURCE, spans } from './files';
import { buildQdpx } from './helpers';

const TEXT = 'Визит 🤝 в Абу-Даби 🇦🇪 стал важным итогом. Казахстан 🇰🇿 присоединился к Соглашениям Авраама.';
const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'aaaaaaaa-0000-4000-8000-000000000002';

async function importXml(xml: string, extra: Record<string, string> = {}, qdeName = 'project.qde') {
  const { backend, projectPath } = await withProject();
  const file = await readQdpx(await buildQdpx({ [qdeName]: xml, ...extra }));
  const preview = applyRefi(backend.project()!, file, 'built.qdpx', 'Me', false);
  const claims = await backend.call('annotations.list', {});
  return { backend, projectPath, file, preview, exacts: claims.map((c) => c.exact).sort(), claims };
}

describe('REFI-QDA tolerances', () => {
  it('positions in code points (the standard) land on the words they name', async () => {
    const k = spans(TEXT, 'Казахстан');
    const s = spans(TEXT, 'Соглашениям Авраама');
    const { preview, exacts } = await importXml(projectXml({ text: TEXT, selections: [{ guid: A, ...k.points }, { guid: B, ...s.points }] }));
    expect(preview.positions).toBe('code-points');
    expect(exacts).toEqual(['Казахстан', 'Соглашениям Авраама']);
  });

  it('NVivo’s UTF-16 code units are recognised by the word boundaries they fall on', async () => {
    const k = spans(TEXT, 'Казахстан');
    const s = spans(TEXT, 'Соглашениям Авраама');
    // The two readings differ here: the emoji before the phrases are two code units each (the flags four).
    expect(k.units.start).not.toBe(k.points.start);
    const { preview, exacts } = await importXml(projectXml({ text: TEXT, selections: [{ guid: A, ...k.units }, { guid: B, ...s.units }] }));
    expect(preview.positions).toBe('utf-16');
    expect(exacts).toEqual(['Казахстан', 'Соглашениям Авраама']);
  });

  it('NVivo for Windows’ Sources/ folder is read like sources/', async () => {
    const k = spans(TEXT, 'Казахстан');
    const { preview, exacts } = await importXml(projectXml({ path: `internal://${SOURCE}.txt`, selections: [{ guid: A, ...k.points }] }), { [`Sources/${SOURCE}.txt`]: TEXT });
    expect(preview.documents.new).toBe(1);
    expect(exacts).toEqual(['Казахстан']);
  });

  it('ATLAS.ti’s XML named after the project (not project.qde) is found', async () => {
    const k = spans(TEXT, 'Казахстан');
    const { preview, exacts } = await importXml(projectXml({ text: TEXT, selections: [{ guid: A, ...k.points }] }), {}, 'Kazakhstan study.qde');
    expect(preview.project).toBe('Built in the test');
    expect(exacts).toEqual(['Казахстан']);
  });

  it('GUIDs in braces are the same records as without them, so importing again changes nothing', async () => {
    const k = spans(TEXT, 'Казахстан');
    const xml = projectXml({ text: TEXT, selections: [{ guid: A, ...k.points }], guid: (g) => `{${g.toUpperCase()}}` });
    const { backend, projectPath, file, claims } = await importXml(xml);
    expect(claims.map((c) => c.id)).toEqual([A]);
    expect((await backend.call('tags.list', {})).find((t) => t.name === 'tolerance')).toMatchObject({ id: CODE, color: '#a0b0c0' });
    expect(claims[0]!.tagIds).toEqual([CODE]);
    const before = allRows(projectPath);
    const again = applyRefi(backend.project()!, file, 'built.qdpx', 'Me', false);
    expect(again.claims).toEqual({ new: 0, unchanged: 1 });
    expect(allRows(projectPath)).toEqual(before);
  });

  it('a text with CRLF line ends counts each as two characters, and the claims still land on their words', async () => {
    const crlf = 'Первая строка интервью.\r\nВторая строка.\r\nТретья строка с главной фразой.';
    const f = spans(crlf, 'главной фразой');
    const { exacts, backend } = await importXml(projectXml({ path: `internal://${SOURCE}.txt`, selections: [{ guid: A, ...f.points }] }), { [`sources/${SOURCE}.txt`]: crlf });
    expect(exacts).toEqual(['главной фразой']);
    const [doc] = await backend.call('documents.list', {});
    expect((await backend.call('documents.get', { id: doc!.id })).text).not.toContain('\r');
  });

  it('a PDF source with a text representation becomes a PDF document; audio, video and pictures are listed as skipped', async () => {
    const pdfText = 'Страница первая. Ключевой тезис о коридоре.';
    const t = spans(pdfText, 'Ключевой тезис');
    const pdf = `<PDFSource guid="22222222-0000-4000-8000-000000000001" name="report.pdf"><Representation guid="22222222-0000-4000-8000-000000000002" name="report.txt"><PlainTextContent>${pdfText}</PlainTextContent><PlainTextSelection guid="22222222-0000-4000-8000-000000000003" startPosition="${t.points.start}" endPosition="${t.points.end}"/></Representation></PDFSource>`;
    const media = '<AudioSource guid="33333333-0000-4000-8000-000000000001" name="talk.mp3"/><VideoSource guid="33333333-0000-4000-8000-000000000002" name="clip.mp4"/><PictureSource guid="33333333-0000-4000-8000-000000000003" name="map.png"/>';
    const { preview, backend, exacts } = await importXml(projectXml({ text: TEXT, sources: pdf + media }));
    expect((await backend.call('documents.list', {})).map((d) => [d.title, d.format]).sort()).toEqual([['interview', 'txt'], ['report', 'pdf']]);
    expect(exacts).toEqual(['Ключевой тезис']);
    expect(preview.skipped.map((s) => [s.kind, s.name])).toEqual([['audio', 'talk.mp3'], ['video', 'clip.mp4'], ['picture', 'map.png']]);
  });
});
