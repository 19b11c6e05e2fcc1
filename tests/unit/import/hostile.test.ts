/**
 * Hostile documents, imported the way the app imports them (the backend's documents.import, which
 * reads each file in an isolate). Each test builds its hostile file, expects a clear refusal that
 * names the file once and quotes none of its content, finds the project's rows unchanged, and
 * imports a real document afterwards to show the process carried on.
 */
import { describe, expect, it } from 'vitest';
import { corpusFile, fileFrom, withProject, ZAKON, type Fixture } from '../core/helpers';
import { MAX_UNPACKED_BYTES, MAX_XML_DEPTH } from '../../../electron/core/import/docx';
import { MAX_HTML_DEPTH } from '../../../electron/core/import/html';
import { docxBomb, docxWithDocument, nestedDocumentXml, projectRows } from './hostile';

type ImportFile = { name: string; dataBase64: string };

/** Imports `file` into a project that already holds one document; returns the refusal message. */
async function refused(fx: Fixture, file: ImportFile): Promise<string> {
  const before = projectRows(fx.projectPath);
  const result = await fx.backend.call('documents.import', { files: [file] });
  expect(result.imported).toEqual([]);
  expect(result.failed).toHaveLength(1);
  const { message } = result.failed[0]!;
  expect(message.split(`"${file.name}"`)).toHaveLength(2);
  expect(projectRows(fx.projectPath)).toEqual(before);
  return message;
}

/** A later import of a real document works: the process that refused the file is still serving. */
async function stillServes(fx: Fixture): Promise<void> {
  const after = await fx.backend.call('documents.import', { files: [corpusFile(ZAKON)] });
  expect(after.imported.map((d) => d.sourceName)).toEqual([ZAKON]);
}

async function projectWithOneDocument(): Promise<Fixture> {
  const fx = await withProject();
  await fx.backend.call('documents.import', { files: [fileFrom('first.txt', 'Первый документ проекта, уже импортированный.')] });
  return fx;
}

const docx = (name: string, bytes: Uint8Array): ImportFile => ({ name, dataBase64: Buffer.from(bytes).toString('base64') });

describe('hostile documents', () => {
  it('a small .docx that inflates to a gibibyte through a part named styles.dat is refused without inflating it', async () => {
    const fx = await projectWithOneDocument();
    const bytes = docxBomb({ mainPart: 'word/document.xml', bombPart: 'word/styles.dat', mebibytes: 1024 });
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    const message = await refused(fx, docx('styles-bomb.docx', bytes));
    expect(message).toBe(
      `"styles-bomb.docx" unpacks to more than ${String(MAX_UNPACKED_BYTES / 1024 / 1024)} MB of document data, more than Crossread can import; split it into smaller documents and import them separately.`,
    );
    await stillServes(fx);
  });

  it('a .docx whose main document is a 2 GiB part named main.bin, claiming 1 KB, is refused', async () => {
    const fx = await projectWithOneDocument();
    const bytes = docxBomb({ mainPart: 'word/main.bin', bombPart: 'word/main.bin', mebibytes: 2048 });
    const message = await refused(fx, docx('main-bomb.docx', bytes));
    expect(message).toMatch(/^"main-bomb\.docx" unpacks to more than \d+ MB of document data/);
    await stillServes(fx);
  });

  it('200,000 unclosed <div>s are refused for their depth, not parsed in quadratic time or overflow the stack', async () => {
    const fx = await projectWithOneDocument();
    const html = `<html><body>${'<div>'.repeat(200_000)}secret-content</body></html>`;
    const message = await refused(fx, fileFrom('nested.html', html));
    expect(message).toContain(`"nested.html" nests its HTML elements more than ${MAX_HTML_DEPTH.toLocaleString('en-US')} deep`);
    expect(message).not.toMatch(/secret-content|Maximum call stack/);
    await stillServes(fx);
  });

  it('a .docx nesting 100,000 elements deep is refused for its depth, not reported as damaged after a stack overflow', async () => {
    const fx = await projectWithOneDocument();
    const message = await refused(fx, docx('deep.docx', docxWithDocument(nestedDocumentXml(100_000))));
    expect(message).toBe(
      `"deep.docx" nests its document data more than ${String(MAX_XML_DEPTH)} levels deep, far deeper than a Word document does, so Crossread did not import it; open it in Word or LibreOffice, save it again as .docx and import that copy.`,
    );
    await stillServes(fx);
  });

  it('a .docx nested within the depth limit still imports', async () => {
    const fx = await projectWithOneDocument();
    const result = await fx.backend.call('documents.import', {
      files: [docx('nested-ok.docx', docxWithDocument(nestedDocumentXml((MAX_XML_DEPTH - 10) / 2, 'Вложено, но допустимо.')))],
    });
    expect(result.failed).toEqual([]);
    expect(result.imported).toHaveLength(1);
  });

  it('HTML nested just within the depth limit still imports', async () => {
    const fx = await projectWithOneDocument();
    const depth = MAX_HTML_DEPTH - 3; // html, body and the innermost p are levels too
    const html = `<html><body>${'<div>'.repeat(depth)}<p>Глубоко, но допустимо.</p></body></html>`;
    const result = await fx.backend.call('documents.import', { files: [fileFrom('deep.html', html)] });
    expect(result.failed).toEqual([]);
    expect(result.imported).toHaveLength(1);
  });

  it('deeply nested Markdown quotes and lists import without overflowing the stack', async () => {
    const fx = await projectWithOneDocument();
    const md = `${'>'.repeat(100_000)} quoted\n\n${'- '.repeat(100_000)}item\n\n${'*'.repeat(50_000)}emphasis${'*'.repeat(50_000)}\n`;
    const result = await fx.backend.call('documents.import', { files: [fileFrom('nested.md', md)] });
    expect(result.failed.map((f) => f.message).join('')).not.toMatch(/Maximum call stack|Something went wrong/);
    expect(result.imported.length + result.failed.length).toBe(1);
    await stillServes(fx);
  });

  it('a 4.9-million-character word is imported and searchable instead of surfacing a raw internal error', async () => {
    const fx = await projectWithOneDocument();
    const word = 'я'.repeat(4_900_000);
    const result = await fx.backend.call('documents.import', { files: [fileFrom('word.txt', `Начало ${word} конец`)] });
    expect(result.failed).toEqual([]);
    expect(result.imported).toHaveLength(1);
    const hits = await fx.backend.call('search.query', { q: 'конец' });
    expect(JSON.stringify(hits)).toContain(result.imported[0]!.id);
    await stillServes(fx);
  });

  it('a refusal is one sentence that names the file once, at its start', async () => {
    const fx = await projectWithOneDocument();
    const message = await refused(fx, fileFrom('a.epub', 'PK'));
    expect(message).toMatch(/^"a\.epub" is not a supported file type/);
  });
});
