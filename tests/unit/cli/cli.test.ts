/** The command-line tool, run as users run it: the built out/node/cli.mjs in a child process. */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/core/backend';
import { printHtmlToPdf } from '../../../electron/core/export/chromium';
import { printArticle, SAMPLE_ARTICLE } from '../../fixtures/printed-pdf';
import { CORPUS_PATHS, ensureBuilt, KAZPRAVDA, lines, REPO, runCli, ZAKON } from './helpers';

const dirs: string[] = [];
function tempHome(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossread-cli-'));
  dirs.push(dir);
  return dir;
}

beforeAll(ensureBuilt, 120_000);
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A home folder with a project P holding the three corpus files, imported with the CLI. */
async function importedProject(): Promise<{ home: string; project: string }> {
  const home = tempHome();
  const project = path.join(home, 'work', 'P.crossread');
  const r = await runCli(['import', '--project', project, ...CORPUS_PATHS], home);
  expect(r.code, r.stderr).toBe(0);
  return { home, project };
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('crossread import', () => {
  it('creates the project and imports the three corpus files', async () => {
    const home = tempHome();
    const project = path.join(home, 'work', 'P.crossread');
    const r = await runCli(['import', '--project', project, ...CORPUS_PATHS], home);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.existsSync(project)).toBe(true);
    expect(lines(r.stdout).filter((l) => l.startsWith('imported'))).toHaveLength(3);
    expect(r.stderr).toContain('Created project');

    // Importing again: all three are duplicates, still a success, nothing added.
    const again = await runCli(['import', '--project', project, ...CORPUS_PATHS], home);
    expect(again.code, again.stderr).toBe(0);
    expect(lines(again.stdout).filter((l) => l.startsWith('duplicate'))).toHaveLength(3);
    const docs = JSON.parse((await runCli(['documents', '--project', project, '--json'], home)).stdout) as unknown[];
    expect(docs).toHaveLength(3);
    // The one-off commands do not fill the recent list.
    expect(fs.existsSync(path.join(home, 'settings.json'))).toBe(false);
  });

  it('a relative --project is resolved against the working directory', async () => {
    const home = tempHome();
    const r = await runCli(['import', '-p', 'rel.crossread', CORPUS_PATHS[2]!], home, home);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.existsSync(path.join(home, 'rel.crossread'))).toBe(true);
  });

  it('an empty file fails with exit 1 and the reason on stderr; good files of the batch still land', async () => {
    const home = tempHome();
    const empty = path.join(home, 'empty.txt');
    fs.writeFileSync(empty, '');
    const project = path.join(home, 'E.crossread');
    const r = await runCli(['import', '--project', project, empty, path.join(path.dirname(CORPUS_PATHS[0]!), ZAKON)], home);
    expect(r.code).toBe(1);
    const failed = lines(r.stderr).filter((l) => l.includes('empty.txt'));
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatch(/empty/i);
    expect(r.stdout).toMatch(/^imported/m);
    const docs = JSON.parse((await runCli(['documents', '--project', project, '--json'], home)).stdout) as unknown[];
    expect(docs).toHaveLength(1);
  });

  it('crossread import reads a printed PDF, and refuses a scan with the OCR advice', async () => {
    const home = tempHome();
    const article = path.join(home, 'kazpravda.pdf');
    fs.writeFileSync(article, await printArticle(SAMPLE_ARTICLE));
    const scan = path.join(home, 'scan.pdf');
    fs.writeFileSync(scan, await printHtmlToPdf('<!doctype html><html><body><svg width="300" height="200"><rect width="300" height="200" fill="#999"/></svg></body></html>'));
    const project = path.join(home, 'PDF.crossread');
    const r = await runCli(['import', '--project', project, article, scan], home);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^imported +Казахстан и Соглашения Авраама/m);
    expect(lines(r.stderr).filter((l) => l.includes('scan.pdf')).join('\n')).toContain('run OCR on it first, e.g. with OCRmyPDF');
    const docs = JSON.parse((await runCli(['documents', '--project', project, '--json'], home)).stdout) as { format: string; title: string }[];
    expect(docs).toMatchObject([{ format: 'pdf', title: SAMPLE_ARTICLE.title }]);
  }, 120_000);

  it('a missing input file fails with exit 1 and says which', async () => {
    const home = tempHome();
    const missing = path.join(home, 'nope.txt');
    const r = await runCli(['import', '--project', path.join(home, 'M.crossread'), missing], home);
    expect(r.code).toBe(1);
    // Named once, by its own name: `failed    nope.txt does not exist.`
    expect(r.stderr).toContain('failed    nope.txt does not exist.');
    expect(r.stderr.split('nope.txt')).toHaveLength(2);
  });

  it('a link named .txt that leads to a system file is not followed, and the rest of the batch lands', async () => {
    const home = tempHome();
    const inbox = path.join(home, 'inbox');
    fs.mkdirSync(inbox);
    const outside = path.join(home, 'system');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'passwd'), 'root:x:0:0:SECRET-LINE\n');
    const link = path.join(inbox, 'interview.txt');
    fs.symlinkSync(path.join(outside, 'passwd'), link);
    const project = path.join(home, 'L.crossread');
    const r = await runCli(['import', '--project', project, link, CORPUS_PATHS[2]!], home);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('interview.txt is a link to a file outside its folder');
    expect(r.stderr).not.toContain('SECRET');
    const docs = JSON.parse((await runCli(['documents', '--project', project, '--json'], home)).stdout) as { title: string }[];
    expect(docs.map((d) => d.title)).toEqual([path.basename(CORPUS_PATHS[2]!, '.txt')]);
  });

  it('a FIFO or a device named as a document is refused at once instead of hanging the command', async () => {
    const home = tempHome();
    const fifo = path.join(home, 'pipe.txt');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = await runCli(['import', '--project', path.join(home, 'F.crossread'), fifo, '/dev/zero'], home);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('pipe.txt is a pipe');
    expect(r.stderr).toContain('zero is a device');
  });
});

describe('a project another Crossread holds', () => {
  it('the refusal names the holder and the --take-over flag, which takes the project over', async () => {
    const { home, project } = await importedProject();
    const held = new Database(project);
    held.prepare("INSERT OR REPLACE INTO project_meta (key, value) VALUES ('writer_lock', ?)").run(
      JSON.stringify({ id: 'other', pid: 4242, host: 'analyst-laptop.example', since: '2026-12-01T10:00:00.000Z', app: 'browser mode' }),
    );
    held.close();
    const refused = await runCli(['import', '--project', project, CORPUS_PATHS[0]!], home);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('P.crossread is held by a Crossread on another computer (browser mode on analyst-laptop.example, process 4242, since 2026-12-01 10:00 UTC)');
    expect(refused.stderr).toContain('run the command again with --take-over');

    const memo = path.join(home, 'memo.txt');
    fs.writeFileSync(memo, 'Памятка аналитика.');
    const taken = await runCli(['import', '--project', project, memo, '--take-over'], home);
    expect(taken.code, taken.stderr).toBe(0);
    expect(taken.stdout).toContain('imported  memo');
  });
});

describe('listing', () => {
  it('documents --json lists the documents with their metadata', async () => {
    const { home, project } = await importedProject();
    const r = await runCli(['documents', '--project', project, '--json'], home);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const docs = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(docs).toHaveLength(3);
    for (const d of docs) {
      for (const key of ['id', 'title', 'outlet', 'date', 'language', 'hash', 'length']) expect(d, key).toHaveProperty(key);
      expect(d.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(d.length).toBeGreaterThan(1000);
      expect(d.language).toBe('ru');
    }
    expect(docs.find((d) => d.title === path.basename(KAZPRAVDA, '.txt'))?.date).toBe('2025-11-07');
    expect(docs.map((d) => d.date).sort()).toEqual([null, '2025-11-07', '2026-03-02'].sort());

    const plain = await runCli(['documents', '--project', project], home);
    expect(plain.code).toBe(0);
    expect(lines(plain.stdout)).toHaveLength(3);
    expect(plain.stdout).toContain('2025-11-07');
  });

  it('tags --json lists the three default tags', async () => {
    const { home, project } = await importedProject();
    const r = await runCli(['tags', '--project', project, '--json'], home);
    expect(r.code, r.stderr).toBe(0);
    const tags = JSON.parse(r.stdout) as { id: string; name: string; color: string }[];
    expect(tags.map((t) => t.name)).toEqual(['economic', 'security', 'interfaith']);
    for (const t of tags) expect(t.color).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('annotations --json lists claims with tag names, author and times', async () => {
    const { home, project } = await importedProject();
    const backend = createBackend({ homeDir: home, resourcesDir: path.join(REPO, 'resources'), version: 'test', projectPath: project });
    const doc = (await backend.call('documents.list', {})).find((d) => d.date === '2025-11-07')!;
    const [economic, , interfaith] = await backend.call('tags.list', {});
    await backend.call('settings.update', { author: 'Тестировщик' });
    const claim = await backend.call('annotations.create', {
      documentId: doc.id,
      start: 0,
      end: 9,
      tagIds: [economic!.id, interfaith!.id],
    });
    backend.close();

    const r = await runCli(['annotations', '--project', project, '--json'], home);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows).toEqual([
      {
        id: claim.id,
        documentId: doc.id,
        start: 0,
        end: 9,
        exact: 'Президент',
        tags: ['economic', 'interfaith'],
        author: 'Тестировщик',
        created: claim.createdAt,
        modified: claim.modifiedAt,
      },
    ]);
    const plain = await runCli(['annotations', '--project', project], home);
    expect(plain.stdout).toContain('[economic, interfaith]');
    expect(plain.stdout).toContain('Президент');
  });

  it('listing and searching leave the project file unchanged', async () => {
    const { home, project } = await importedProject();
    const before = sha256(project);
    for (const cmd of ['documents', 'tags', 'annotations', 'links']) expect((await runCli([cmd, '--project', project], home)).code).toBe(0);
    expect((await runCli(['search', '--project', project, 'Казахстан'], home)).code).toBe(0);
    expect(sha256(project)).toBe(before);
  });
});

/** Opens the project in-process to set up claims, links and notes the CLI then reads. */
function inProcess(home: string, project: string) {
  return createBackend({ homeDir: home, resourcesDir: path.join(REPO, 'resources'), version: 'test', projectPath: project });
}

const note = (text: string) =>
  JSON.stringify({ root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text }] }] } });

describe('crossread links', () => {
  it('--json lists each link with its claims, their quotes, the relation’s name, the note and the author', async () => {
    const { home, project } = await importedProject();
    const backend = inProcess(home, project);
    await backend.call('settings.update', { author: 'Аналитик' });
    const docs = await backend.call('documents.list', {});
    const claimOn = async (title: string, phrase: string) => {
      const doc = docs.find((d) => d.sourceName === title)!;
      const { text } = await backend.call('documents.get', { id: doc.id });
      const start = text.indexOf(phrase);
      return backend.call('annotations.create', { documentId: doc.id, start, end: start + phrase.length, tagIds: [] });
    };
    const a = await claimOn(KAZPRAVDA, 'решение о присоединении Казахстана к Соглашениям Авраама');
    const b = await claimOn(ZAKON, 'присоединении к Авраамским соглашениям');
    const same = (await backend.call('relations.list', {})).find((r) => r.builtin === 'same-claim')!;
    const link = await backend.call('links.create', { fromId: a.id, toId: b.id, relationId: same.id });
    await backend.call('notes.save', { owner: { kind: 'link', id: link.id }, json: note('Оба говорят об одном') });
    const saved = (await backend.call('links.list', {}))[0]!;
    backend.close();

    const r = await runCli(['links', '--project', project, '--json'], home);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        id: link.id,
        from: a.id,
        to: b.id,
        fromQuote: 'решение о присоединении Казахстана к Соглашениям Авраама',
        toQuote: 'присоединении к Авраамским соглашениям',
        relation: 'same claim',
        note: 'Оба говорят об одном',
        author: 'Аналитик',
        created: saved.createdAt,
        modified: saved.modifiedAt,
      },
    ]);

    const plain = await runCli(['links', '--project', project], home);
    expect(plain.code).toBe(0);
    expect(lines(plain.stdout)).toHaveLength(1);
    expect(plain.stdout).toContain('same claim');
    expect(plain.stdout).toContain('«присоединении к Авраамским соглашениям»');
    expect(plain.stdout).toContain('Оба говорят об одном');
  });

  it('says so when there are no links', async () => {
    const { home, project } = await importedProject();
    const r = await runCli(['links', '--project', project], home);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('No links.\n');
    expect(JSON.parse((await runCli(['links', '--project', project, '--json'], home)).stdout)).toEqual([]);
  });
});

describe('crossread search', () => {
  it('--json gives every hit with its document, paragraph, exact offsets, match and context', async () => {
    const { home, project } = await importedProject();
    const r = await runCli(['search', '--project', project, '--json', 'инвестиция'], home);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      total: number;
      hits: { kind: string; documentId: string; document: string; paragraph: number; start: number; end: number; match: string; context: string }[];
    };
    expect(out.total).toBe(out.hits.length);
    expect(new Set(out.hits.map((h) => h.match.toLowerCase()))).toEqual(new Set(['инвестиции', 'инвестиций', 'инвестициях']));

    const backend = inProcess(home, project);
    try {
      for (const h of out.hits) {
        const doc = await backend.call('documents.get', { id: h.documentId });
        expect(h.document).toBe(doc.title);
        expect(doc.text.slice(h.start, h.end)).toBe(h.match);
        expect(h.context).toContain(h.match);
        expect(h.paragraph).toBeGreaterThan(0);
      }
    } finally {
      backend.close();
    }
  });

  it('prints one line per hit, “Title ¶N: …before [match] after…”, and takes a quoted phrase', async () => {
    const { home, project } = await importedProject();
    const r = await runCli(['search', '--project', project, '"Соглашениям', 'Авраама"'], home);
    expect(r.code, r.stderr).toBe(0);
    const hits = lines(r.stdout);
    expect(hits.length).toBeGreaterThan(5);
    for (const line of hits) expect(line).toMatch(/^.+ ¶\d+: ….*\[Соглашени\S* Авраама\].*…$/i);
    expect(hits[0]).toMatch(new RegExp(`^${path.basename(KAZPRAVDA, '.txt')} ¶1: `));
  });

  it('a query with no hits succeeds with “No hits.”; no query is a usage error', async () => {
    const { home, project } = await importedProject();
    const none = await runCli(['search', '--project', project, 'несуществующееслово'], home);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('No hits.\n');
    expect(JSON.parse((await runCli(['search', '--project', project, '--json', '!!!'], home)).stdout)).toEqual({ total: 0, hits: [], memos: [], records: [] });
    const usage = await runCli(['search', '--project', project], home);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^crossread: search needs a QUERY/);
  });
});

describe('usage and errors', () => {
  it('--help prints the usage and exits 0', async () => {
    const home = tempHome();
    for (const flag of ['--help', '-h']) {
      const r = await runCli([flag], home);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: crossread/);
      expect(r.stdout).toContain('import --project P');
      expect(r.stdout).toContain('links --project P');
      expect(r.stdout).toContain('search --project P');
      expect(r.stderr).toBe('');
    }
  });

  it('--version prints the package version', async () => {
    const r = await runCli(['--version'], tempHome());
    expect(r.code).toBe(0);
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it.each([
    ['no command', []],
    ['an unknown command', ['frobnicate']],
    ['documents without --project', ['documents']],
    ['import without files', ['import', '--project', 'x.crossread']],
    ['an unknown option', ['documents', '--project', 'x.crossread', '--frobnicate']],
    ['an option missing its value', ['documents', '--project']],
    ['a stray argument', ['tags', '--project', 'x.crossread', 'extra']],
  ])('bad usage (%s) exits 2 with a message on stderr', async (_label, args) => {
    const home = tempHome();
    const r = await runCli(args, home);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^crossread: \S/);
    expect(r.stderr).toContain('--help');
    expect(fs.existsSync(path.join(home, 'x.crossread'))).toBe(false);
  });

  it('a project that is not SQLite: exit 1, exactly one line on stderr, file unchanged', async () => {
    const home = tempHome();
    const bogus = path.join(home, 'bogus.crossread');
    fs.writeFileSync(bogus, 'plain text, not a database\n'.repeat(20));
    const before = sha256(bogus);
    for (const cmd of [['documents'], ['tags'], ['annotations'], ['links'], ['search', 'мир']]) {
      const r = await runCli([...cmd, '--project', bogus, '--json'], home);
      expect(r.code, cmd.join(' ')).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.endsWith('\n')).toBe(true);
      expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      expect(r.stderr).toMatch(/^crossread: /);
      expect(r.stderr).not.toMatch(/\bat .*\.(m?js|ts):\d+/);
    }
    const imp = await runCli(['import', '--project', bogus, CORPUS_PATHS[0]!], home);
    expect(imp.code).toBe(1);
    expect(lines(imp.stderr)).toHaveLength(1);
    expect(sha256(bogus)).toBe(before);
  });

  it('a project that does not exist: exit 1, one line naming it, and nothing created', async () => {
    const home = tempHome();
    const missing = path.join(home, 'missing.crossread');
    const r = await runCli(['documents', '--project', missing], home);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^crossread: .*missing\.crossread/);
    expect(fs.existsSync(missing)).toBe(false);
  });
});
