/** Getting the dossier out: finding Chromium (or saying clearly there is none) and writing files whole. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumCandidates, findChromium, type ChromiumLookup } from '../../../electron/core/export/chromium';
import { expectAppError, expectAppErrorSync, makeBackend, tempDir } from '../core/helpers';
import { corpusProject } from './fixture';

const lookup = (files: string[], env: NodeJS.ProcessEnv = {}, cache: string[] = []): ChromiumLookup => ({
  env,
  home: '/home/ana',
  exists: (f) => files.includes(f),
  list: (dir) => (dir === '/home/ana/.cache/ms-playwright' ? cache : []),
});

describe('finding Chromium for PDF export', () => {
  it('prefers CROSSREAD_CHROMIUM, then system browsers, then Playwright’s cache', () => {
    expect(findChromium(lookup(['/opt/c/chrome', '/usr/bin/chromium'], { CROSSREAD_CHROMIUM: '/opt/c/chrome' }))).toBe('/opt/c/chrome');
    expect(findChromium(lookup(['/usr/bin/chromium', '/usr/local/bin/google-chrome'], { PATH: '/usr/local/bin' }))).toBe('/usr/bin/chromium');
    expect(findChromium(lookup(['/usr/local/bin/google-chrome'], { PATH: '/usr/local/bin' }))).toBe('/usr/local/bin/google-chrome');
    const pw = '/home/ana/.cache/ms-playwright/chromium-1200/chrome-linux/chrome';
    expect(findChromium(lookup([pw], {}, ['chromium-1100', 'chromium-1200', 'firefox-1']))).toBe(pw);
  });

  it('says what it tried when there is none', () => {
    const err = expectAppErrorSync(() => findChromium(lookup([], { PATH: '' }, ['chromium-1200'])), 'unavailable');
    expect(err.message).toMatch(/PDF export needs Chromium or Google Chrome, and none was found/);
    for (const tried of chromiumCandidates(lookup([], { PATH: '' }, ['chromium-1200']))) expect(err.message).toContain(tried);
    expect(err.message).toContain('/home/ana/.cache/ms-playwright/chromium-1200/chrome-linux/chrome');
  });

  it('names a CROSSREAD_CHROMIUM that does not exist instead of quietly using another browser', () => {
    const err = expectAppErrorSync(() => findChromium(lookup(['/usr/bin/chromium'], { CROSSREAD_CHROMIUM: '/nope/chrome' })), 'unavailable');
    expect(err.message).toContain('CROSSREAD_CHROMIUM points to /nope/chrome, which does not exist');
  });

  it('a PDF export without Chromium fails with that message and writes nothing', async () => {
    const fx = await corpusProject();
    const saved = { c: process.env.CROSSREAD_CHROMIUM, p: process.env.PATH };
    process.env.CROSSREAD_CHROMIUM = '/nonexistent/chromium';
    process.env.PATH = '';
    const out = path.join(fx.home, 'd.pdf');
    try {
      const err = await expectAppError(fx.backend.call('export.write', { format: 'pdf', options: {}, path: out }), 'unavailable');
      expect(err.message).toContain('/nonexistent/chromium');
    } finally {
      process.env.CROSSREAD_CHROMIUM = saved.c;
      process.env.PATH = saved.p;
      if (saved.c === undefined) delete process.env.CROSSREAD_CHROMIUM;
    }
    expect(fs.existsSync(out)).toBe(false);
  });

  it('the desktop’s printer is used when the backend is given one', async () => {
    const home = tempDir();
    const printed: string[] = [];
    const backend = makeBackend(home, {
      printPdf: async (html) => {
        printed.push(html);
        return Buffer.from('%PDF-1.7 stand-in');
      },
    });
    await backend.call('project.create', { path: path.join(home, 'P.crossread') });
    const r = await backend.call('export.build', { format: 'pdf', options: {} });
    expect(Buffer.from(r.dataBase64, 'base64').toString()).toBe('%PDF-1.7 stand-in');
    expect(printed[0]).toContain('<meta http-equiv="Content-Security-Policy"');
  });
});

describe('export.write', () => {
  it('writes the file, replacing an older one whole, and leaves no temp files', async () => {
    const fx = await corpusProject();
    const dir = tempDir();
    const out = path.join(dir, 'Dossier.md');
    fs.writeFileSync(out, 'old content that is much longer than nothing'.repeat(1000));
    const r = await fx.backend.call('export.write', { format: 'md', options: {}, path: out });
    expect(r).toEqual({ path: out, bytes: fs.statSync(out).size });
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^# Abraham Accords — dossier\n/);
    expect(fs.readdirSync(dir)).toEqual(['Dossier.md']);
  });

  it('refuses a missing folder or unknown options and writes nothing', async () => {
    const fx = await corpusProject();
    const dir = tempDir();
    await expectAppError(fx.backend.call('export.write', { format: 'html', options: {}, path: path.join(dir, 'no', 'such', 'd.html') }), 'bad-input');
    await expectAppError(fx.backend.call('export.write', { format: 'html', options: { tagIds: ['nope'] }, path: path.join(dir, 'd.html') }), 'bad-input');
    const notFormat = await fx.backend.dispatch('export.write', { format: 'exe', options: {}, path: path.join(dir, 'd.exe') });
    expect(notFormat.ok).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
