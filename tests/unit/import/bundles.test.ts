/**
 * The isolate as the shipped bundles use it: the CLI (which is also the browser-mode server) finds
 * its worker beside out/node/cli.mjs and survives hostile files; the desktop main bundle names the
 * CommonJS worker beside out/electron/main.cjs, and that worker serves the same tasks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Isolate } from '../../../electron/core/isolate';
import { CORPUS_DIR, ensureBuilt, lines, REPO, runCli, ZAKON } from '../cli/helpers';
import { tempDir } from '../core/helpers';
import { buildPdf, textContent } from '../../fixtures/pdf';
import { docxBomb } from './hostile';

describe('the isolate in the built app', () => {
  it('the CLI refuses a .docx bomb and 200,000 nested <div>s by name, once each, and still imports the good file', async () => {
    await ensureBuilt();
    const home = tempDir();
    const bomb = path.join(home, 'bomb.docx');
    fs.writeFileSync(bomb, docxBomb({ mainPart: 'word/document.xml', bombPart: 'word/styles.dat', mebibytes: 1024 }));
    const nested = path.join(home, 'nested.html');
    fs.writeFileSync(nested, '<div>'.repeat(200_000));
    const project = path.join(home, 'P.crossread');

    const r = await runCli(['import', '--project', project, bomb, nested, path.join(CORPUS_DIR, ZAKON)], home);

    expect(r.code).toBe(1);
    const failed = lines(r.stderr).filter((l) => l.startsWith('failed'));
    expect(failed).toHaveLength(2);
    expect(failed[0]).toMatch(/^failed {4}"bomb\.docx" unpacks to more than \d+ MB of document data/);
    expect(failed[1]).toMatch(/^failed {4}"nested\.html" nests its HTML elements more than 1,000 deep/);
    for (const line of failed) expect(line.match(/bomb\.docx|nested\.html/g)).toHaveLength(1);
    expect(r.stdout).toMatch(/^imported/m);
  });

  it('the desktop main bundle looks for its worker beside itself, and that CommonJS worker extracts documents', async () => {
    await ensureBuilt();
    const main = fs.readFileSync(path.join(REPO, 'out', 'electron', 'main.cjs'), 'utf8');
    expect(main).toContain('"isolate-worker.cjs"');
    const isolate = new Isolate({ workerFile: path.join(REPO, 'out', 'electron', 'isolate-worker.cjs') });
    try {
      const doc = await isolate.run('documents.extract', { name: 'note.md', bytes: new TextEncoder().encode('# Заголовок\n\nТекст.') });
      expect(doc.title).toBe('Заголовок');
      expect(doc.text).toBe('Заголовок\n\nТекст.');
    } finally {
      await isolate.close();
    }
  });

  it('the desktop CommonJS worker reads a PDF with the PDF.js it bundles, while the main and CLI bundles leave PDF.js to the worker', async () => {
    await ensureBuilt();
    for (const bundle of [['electron', 'main.cjs'], ['node', 'cli.mjs']]) {
      const code = fs.readFileSync(path.join(REPO, 'out', ...bundle), 'utf8');
      expect(code, bundle.join('/')).not.toContain('GlobalWorkerOptions.workerSrc');
    }
    expect(fs.readFileSync(path.join(REPO, 'out', 'electron', 'isolate-worker.cjs'), 'utf8')).toContain('GlobalWorkerOptions.workerSrc');
    const isolate = new Isolate({ workerFile: path.join(REPO, 'out', 'electron', 'isolate-worker.cjs') });
    try {
      const bytes = buildPdf({ pages: [textContent(['Kazakhstan joins the Abraham Accords.']), textContent(['Page two.'])] });
      const doc = await isolate.run('documents.extract', { name: 'accords.pdf', bytes });
      expect(doc).toMatchObject({ format: 'pdf', text: 'Kazakhstan joins the Abraham Accords.\n\nPage two.', pageStarts: [0, 39] });
    } finally {
      await isolate.close();
    }
  });
});
