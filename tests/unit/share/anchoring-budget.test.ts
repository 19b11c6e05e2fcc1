/**
 * Anchoring a colleague's claims is bounded work: a file built to make the search expensive is
 * refused claim by claim or cut short by the allowance, and never holds the app for minutes.
 */
import { describe, expect, it } from 'vitest';
import { AnchorBudget, anchorQuote, FILE_ANCHOR_BUDGET } from '../../../shared/anchor';
import { importCorpus } from '../core/helpers';
import { allRows, analyst, importInto, quotesFile } from './helpers';

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

  it('100,000 unfindable quotes are searched approximately only while the allowance lasts', async () => {
    const A = await analyst('Aliya');
    await importCorpus(A.backend);
    const rows = allRows(A.projectPath);
    const preview = await importInto(A, 'unfindable.json', quotesFile(100_000, (i) => ({ exact: unfindable(i), prefix: '', suffix: '' })), true);
    expect(preview.claims.orphans).toBe(100_000);
    expect(preview.anchorLimited).toBeGreaterThan(0);
    expect(allRows(A.projectPath)).toEqual(rows);
  }, 120_000); // 100,000 orphans are written and rolled back: slow on a busy machine, whatever the anchoring costs

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
