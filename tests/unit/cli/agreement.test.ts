/** `crossread agreement`: the same figures as the Agreement view, from the command line. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/core/backend';
import type { AgreementReport } from '../../../shared/agreement-schema';
import { CORPUS_PATHS, ensureBuilt, runCli } from './helpers';

const dirs: string[] = [];
beforeAll(ensureBuilt, 120_000);
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const K1 = 'Важным итогом визита стало решение о присоединении Казахстана к Соглашениям Авраама.';
const K2 = 'Казахстан как транспортный хаб срединной части Евразии является очень важным партнером для региональных и внерегиональных игроков.';

/** The corpus imported by the CLI, then coded by Alice and Bob through the core. */
async function codedTwice(): Promise<{ home: string; project: string; report: AgreementReport }> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'crossread-cli-'));
  dirs.push(home);
  const project = path.join(home, 'P.crossread');
  expect((await runCli(['import', '--project', project, ...CORPUS_PATHS], home)).code).toBe(0);
  const backend = createBackend({ homeDir: path.join(home, 'app'), resourcesDir: home, version: 'test', projectPath: project, backupSchedule: false });
  try {
    const tags = await backend.call('tags.list', {});
    const [economic, security] = ['economic', 'security'].map((n) => tags.find((t) => t.name === n)!.id) as [string, string];
    const doc = (await backend.call('documents.list', {})).find((d) => d.sourceName.startsWith('kazpravda'))!;
    const { text } = await backend.call('documents.get', { id: doc.id });
    const code = (phrase: string, tagIds: string[]) => backend.call('annotations.create', { documentId: doc.id, start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length, tagIds });
    await backend.call('settings.update', { author: 'Alice' });
    await code(K1, [economic]);
    await code(K2, [economic, security]);
    await backend.call('settings.update', { author: 'Bob' });
    await code(K1, [economic]);
    await code(K2, [economic]);
    const report = await backend.call('agreement.get', {});
    return { home, project, report };
  } finally {
    backend.close();
  }
}

describe('crossread agreement', () => {
  it('--json prints the report the view shows: both authors, pair figures per tag and the disagreement', async () => {
    const { home, project, report } = await codedTwice();
    const r = await runCli(['agreement', '--project', project, '--json'], home);
    expect(r.code, r.stderr).toBe(0);
    const printed = JSON.parse(r.stdout) as AgreementReport;
    expect(printed).toEqual(report);
    expect(printed.chosenAuthors).toEqual(['Alice', 'Bob']);
    expect(printed.byTag.find((t) => t.label === 'economic')!.pairs[0]!.paragraph).toMatchObject({ agreement: 1, kappa: 1 });
    expect(printed.disagreements.map((d) => d.kind)).toEqual(['differentTags']);
  });

  it('prints percent agreement, kappa and alpha in plain text, for the tags named', async () => {
    const { home, project } = await codedTwice();
    const r = await runCli(['agreement', '--project', project, '--authors', 'Alice,Bob', '--tags', 'security'], home);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Authors: Alice, Bob\nTags: security\n/);
    expect(r.stdout).toMatch(/All tags and documents\n {2}Alice – Bob: {2}paragraphs 96\.0% κ 0\.000 \(25 units\)/);
    expect(r.stdout).toContain('α (nominal):  paragraphs ');
    // Bob's claims have none of the compared tags: Alice's security claim is hers alone.
    expect(r.stdout).toContain('Disagreements: 1\n  coded by one only in kazpravda-2025-11-07-velizade\n    Alice: “Казахстан как транспортный хаб');
  });

  it('refuses an unknown tag or author and a single author, saying which', async () => {
    const { home, project } = await codedTwice();
    const tag = await runCli(['agreement', '--project', project, '--tags', 'weather'], home);
    expect([tag.code, tag.stderr.split('\n')[0]]).toEqual([2, 'crossread: no tag is named “weather”.']);
    const author = await runCli(['agreement', '--project', project, '--authors', 'Alice,Carol'], home);
    expect([author.code, author.stderr.trim()]).toEqual([1, 'crossread: No claim in this project is by “Carol”.']);
    const one = await runCli(['agreement', '--project', project, '--authors', 'Alice'], home);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('--authors needs at least two names');
  });
});
