/**
 * Anchoring a colleague's claims is bounded work: a file built to make the search expensive is
 * refused claim by claim or cut short by the allowance, and never holds the app for minutes.
 */
import { describe, expect, it } from 'vitest';
import { AnchorBudget, anchorQuote, FILE_ANCHOR_BUDGET } from '../../../shared/anchor';
import { expectAppError, importCorpus } from '../core/helpers';
import { allRows, analyst, asFile, importInto, quotesFile } from './helpers';

/** Latin letters only: never in the Russian corpus, and far from anything in it. */
const unfindable = (i: number) => `zqxj ${i.toString(36)} vvqk wpzx jjqy`;

describe('anchoring budget', () => {
  it('a file of one-letter quotes with 2,000-character prefixes is refused claim by claim, not searched', async () => {
    const A = await analyst('Aliya');
    await importCorpus(A.backend);
    const rows = allRows(A.projectPath);
    const prefix = 'а'.repeat(2000);
    const file = quotesFile(3, () => ({ exact: 'а', prefix, suffix: '' }));
    expect(Buffer.byteLength(file)).toBeLessThan(16 * 1024);
    const preview = await importInto(A, 'letters.json', file, true);
    expect(preview.claims.new + preview.claims.orphans).toBe(0);
    expect(preview.skipped.map((s) => s.reason)).toEqual(Array(3).fill('the quote is too short to anchor for the context it comes with'));
    expect(allRows(A.projectPath)).toEqual(rows);
  });

  it('10,000 unfindable quotes are searched approximately only while the allowance lasts', async () => {
    const A = await analyst('Aliya');
    await importCorpus(A.backend);
    const rows = allRows(A.projectPath);
    const preview = await importInto(A, 'unfindable.json', quotesFile(10_000, (i) => ({ exact: unfindable(i), prefix: '', suffix: '' })), true);
    expect(preview.claims.orphans).toBe(10_000);
    expect(preview.anchorLimited).toBeGreaterThan(0);
    expect(preview.anchorLimited).toBeLessThan(10_000);
    expect(allRows(A.projectPath)).toEqual(rows);
  }, 60_000);

  it('100,000 unfindable quotes are refused as a file for another project, and nothing changes', async () => {
    const A = await analyst('Aliya');
    await importCorpus(A.backend);
    const rows = allRows(A.projectPath);
    const file = quotesFile(100_000, (i) => ({ exact: unfindable(i), prefix: '', suffix: '' }));
    const direct = await expectAppError(importInto(A, 'unfindable.json', file, true), 'bad-input');
    expect(direct.message).toMatch(/^unfindable\.json is not a usable annotation file here: more than 10000 of its claims quote text found in no document/);
    const { jobId } = await A.backend.call('share.startImport', { file: asFile('unfindable.json', file), dryRun: false });
    let job = await A.backend.call('share.importJob', { jobId });
    while (job.state === 'running') {
      // A macrotask between polls, as a client's next request would be: the job runs in between.
      await new Promise((resolve) => setTimeout(resolve, 20));
      job = await A.backend.call('share.importJob', { jobId });
    }
    expect(job).toMatchObject({ state: 'failed', error: { code: 'bad-input', message: direct.message } });
    expect(allRows(A.projectPath)).toEqual(rows);
  }, 180_000); // 100,000 claims read and searched on a busy machine; what is bounded is the work per claim, not this test's clock

  it('a claim’s allowance stops the approximate search, never the exact one', () => {
    const text = `${'слово '.repeat(20_000)}Мир и дружба навсегда`;
    const q = { exact: 'Мир и дружба навсегда', prefix: '', suffix: '' };
    const tight = new AnchorBudget(1000, FILE_ANCHOR_BUDGET.perFile);
    tight.beginClaim();
    expect(anchorQuote(text, q, null, tight)?.start).toBe(text.indexOf('Мир'));
    const typo = { exact: 'Мир и дружбa навсегда', prefix: '', suffix: '' }; // a Latin "a"
    tight.beginClaim();
    expect(anchorQuote(text, typo, null, tight)).toBeNull();
    expect(tight.cutShort).toBe(1);
    expect(anchorQuote(text, typo, null)?.errors).toBe(1);
  });
});
