/** `crossread export` as users run it: formats, options, usage errors with exit code 2 and nothing written. */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../core/helpers';
import { corpusProject, Q } from '../export/fixture';
import { ensureBuilt, runCli } from './helpers';

beforeAll(ensureBuilt, 180_000);

describe('crossread export', () => {
  it('writes each format from the project, with the options applied', async () => {
    const fx = await corpusProject();
    const dir = tempDir();
    const md = path.join(dir, 'brief.md');
    const r = await runCli(['export', '--project', fx.projectPath, '--format', 'md', '--out', md, '--tags', 'Security,interfaith', '--no-notes', '--lang', 'ru'], fx.home);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Wrote ${md}`);
    const text = fs.readFileSync(md, 'utf8');
    expect(text).toContain('## Выводы');
    expect(text).toContain('### security (4)');
    expect(text).not.toContain('### economic');
    expect(text).not.toContain('Заметка');
    expect(text).toContain(`«${Q.zIran}»`);

    const json = path.join(dir, 'd.json');
    expect((await runCli(['export', '-p', fx.projectPath, '--format', 'json', '--out', json, '--sources', `${fx.docs.zakon.id},${fx.docs.caravan.id}`], fx.home)).code).toBe(0);
    const d = JSON.parse(fs.readFileSync(json, 'utf8')) as { sources: { id: string }[]; claims: unknown[] };
    expect(d.sources.map((s) => s.id).sort()).toEqual([fx.docs.zakon.id, fx.docs.caravan.id].sort());
    expect(d.claims).toHaveLength(5);

    const csv = path.join(dir, 'd.csv');
    expect((await runCli(['export', '-p', fx.projectPath, '--format', 'csv', '--out', csv, '--bom'], fx.home)).code).toBe(0);
    expect([...fs.readFileSync(csv).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const docx = path.join(dir, 'd.docx');
    expect((await runCli(['export', '-p', fx.projectPath, '--format', 'docx', '--out', docx], fx.home)).code).toBe(0);
    expect(await (await JSZip.loadAsync(fs.readFileSync(docx))).file('word/document.xml')!.async('string')).toContain(Q.kRare);
  }, 60_000);

  it('exits with 2 and writes nothing on usage errors', async () => {
    const fx = await corpusProject();
    const dir = tempDir();
    const out = path.join(dir, 'd.html');
    const cases: [string[], RegExp][] = [
      [['--format', 'exe'], /--format must be one of html, pdf, docx, md, json, csv \(not “exe”\)/],
      [['--format', 'html', '--tags', 'economic,nonsense'], /unknown tag “nonsense”/],
      [['--format', 'html', '--sources', 'abc'], /unknown source id “abc”/],
      [['--format', 'html', '--lang', 'de'], /--lang/],
      [['--format', 'html', '--frobnicate'], /Unknown option '--frobnicate'/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(['export', '--project', fx.projectPath, '--out', out, ...args], fx.home);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    const noOut = await runCli(['export', '--project', fx.projectPath, '--format', 'md'], fx.home);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out FILE is required');
    expect(fs.readdirSync(dir)).toEqual([]);
  }, 60_000);

  it('says clearly when no Chromium is there for a PDF, and writes nothing', async () => {
    const fx = await corpusProject();
    const out = path.join(tempDir(), 'd.pdf');
    fs.writeFileSync(out, 'an earlier export');
    const { spawnSync } = await import('node:child_process');
    const { CLI } = await import('./helpers');
    const r = spawnSync(process.execPath, [CLI, 'export', '--project', fx.projectPath, '--format', 'pdf', '--out', out], {
      env: { CROSSREAD_HOME: fx.home, CROSSREAD_CHROMIUM: '/nonexistent/chromium', PATH: '' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('PDF export needs Chromium, but CROSSREAD_CHROMIUM points to /nonexistent/chromium');
    expect(fs.readFileSync(out, 'utf8')).toBe('an earlier export');
  }, 60_000);
});
