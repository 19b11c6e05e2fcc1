import { expect, type Locator, type Page } from '@playwright/test';
import { api, claimQuotes, pane, sampleTest, tagSentence } from './app';
import { C1, C2, CARAVAN, K1, K2, KAZPRAVDA, Z1, ZAKON } from './sentences';

// Five claims over the three sample interviews. Tag keys: 1 economic, 2 security, 3 interfaith.

const browser = (page: Page): Locator => page.getByRole('region', { name: 'Claims' });
const status = (page: Page): Locator => browser(page).getByRole('status');
const rows = (page: Page): Locator => browser(page).getByRole('listitem');
const row = (page: Page, quote: string): Locator => rows(page).filter({ hasText: quote });

/** With `authors`, the first three claims are stamped with the first name and the last two with the second. */
async function tagFiveClaims(page: Page, authors?: [string, string]): Promise<void> {
  if (authors) await setAuthor(page, authors[0]);
  await tagClaim(page, KAZPRAVDA, K1, ['1', '3'], 1);
  await tagClaim(page, KAZPRAVDA, K2, ['1'], 2);
  await tagClaim(page, CARAVAN, C1, ['2'], 3);
  if (authors) await setAuthor(page, authors[1]);
  await tagClaim(page, CARAVAN, C2, ['1'], 4);
  await tagClaim(page, ZAKON, Z1, ['2', '3'], 5);
}

/**
 * Tags a sentence and waits until the browser lists the new claim. The wait is deliberate: a save
 * that lands while the next selection is being dragged clears that selection (workspace
 * createAnnotation), which these tests are not about.
 */
async function tagClaim(page: Page, title: RegExp, text: string, keys: string[], count: number): Promise<void> {
  await tagSentence(page, pane(page, title), text, keys);
  await expect(status(page)).toHaveText(`${count} of ${count} ${count === 1 ? 'claim' : 'claims'}`);
}

async function setAuthor(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel(/Your name/).fill(name);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
}

async function openFilters(page: Page): Promise<void> {
  const toggle = browser(page).getByRole('button', { name: /^Filters/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

sampleTest('tags filter with ANY and ALL, documents, and Cyrillic text with ё read as е; sorting by date and by tag', async ({ page }) => {
  await tagFiveClaims(page);
  // Document order: the document list's order, then the place in the text.
  await expect.poll(() => claimQuotes(page)).toEqual([K1, K2, C1, C2, Z1]);

  await openFilters(page);
  const claims = browser(page);
  await claims.getByRole('button', { name: 'economic', exact: true }).click();
  await claims.getByRole('button', { name: 'interfaith', exact: true }).click();
  // Any of the two tags: the union.
  await expect(status(page)).toHaveText('4 of 5 claims');
  await expect.poll(() => claimQuotes(page)).toEqual([K1, K2, C2, Z1]);
  // All of them: only the claim coded with both.
  await claims.getByRole('radio', { name: 'all of these tags' }).check();
  await expect.poll(() => claimQuotes(page)).toEqual([K1]);
  await expect(status(page)).toHaveText('1 of 5 claims');
  await expect(claims.getByRole('button', { name: 'Filters (1)' })).toBeVisible();
  await claims.getByRole('radio', { name: 'any of these tags' }).check();
  await expect.poll(() => claimQuotes(page)).toEqual([K1, K2, C2, Z1]);

  // Tags and a document together.
  await claims.getByRole('checkbox', { name: /Caravan\.kz/ }).check();
  await expect.poll(() => claimQuotes(page)).toEqual([C2]);
  await claims.getByRole('button', { name: 'Clear filters' }).click();
  await expect(status(page)).toHaveText('5 of 5 claims');
  await expect(claims.getByRole('button', { name: 'economic', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await claims.getByRole('checkbox', { name: /Caravan\.kz/ }).check();
  await expect.poll(() => claimQuotes(page)).toEqual([C1, C2]);
  await claims.getByRole('button', { name: 'Clear filters' }).click();

  // Free text matches words as search does: the source has "партнером", "партнёром" and "партнеров";
  // any spelling, case or form of the word finds all three.
  const search = claims.getByRole('searchbox', { name: 'Search claims' });
  await search.fill('ПАРТНЁРОМ');
  await expect.poll(() => claimQuotes(page)).toEqual([K2, C2, Z1]);
  await search.fill('партнером');
  await expect.poll(() => claimQuotes(page)).toEqual([K2, C2, Z1]);
  await search.fill('партнер');
  await expect.poll(() => claimQuotes(page)).toEqual([K2, C2, Z1]);
  await search.fill('партнер казахстан');
  await expect.poll(() => claimQuotes(page)).toEqual([K2, Z1]);
  await search.fill('');
  await expect(status(page)).toHaveText('5 of 5 claims');

  // Date: Kazpravda (2025-11-07), Zakon (2026-03-02), then Caravan, which has no date.
  const sort = claims.getByRole('combobox', { name: 'Sort' });
  await sort.selectOption('date');
  await expect.poll(() => claimQuotes(page)).toEqual([K1, K2, Z1, C1, C2]);
  // Tag: by each claim's first tag in tag order (economic, security, interfaith).
  await sort.selectOption('tag');
  await expect.poll(() => claimQuotes(page)).toEqual([K1, K2, C2, C1, Z1]);
  await sort.selectOption('document');
  await expect.poll(() => claimQuotes(page)).toEqual([K1, K2, C1, C2, Z1]);
});

sampleTest('a row shows its tags, document, date and author; the author filter; clicking a row scrolls its pane to the claim and selects it', async ({ page }) => {
  await tagFiveClaims(page, ['Аналитик', 'Коллега']);

  const c2 = row(page, C2);
  await expect(c2.locator('.chip')).toHaveText(['economic']);
  await expect(c2.locator('.claim-meta')).toHaveText('Caravan.kz · no date · Коллега');
  await expect(row(page, K1).locator('.chip')).toHaveText(['economic', 'interfaith']);
  await expect(row(page, K1).locator('.claim-meta')).toHaveText('Kazpravda.kz · 2025-11-07 · Аналитик');

  await openFilters(page);
  const author = browser(page).getByRole('combobox', { name: 'Author' });
  await author.selectOption('Коллега');
  await expect.poll(() => claimQuotes(page)).toEqual([C2, Z1]);
  await author.selectOption('Аналитик');
  await expect.poll(() => claimQuotes(page)).toEqual([K1, K2, C1]);
  await browser(page).getByRole('button', { name: 'Clear filters' }).click();
  await expect(status(page)).toHaveText('5 of 5 claims');

  const body = pane(page, CARAVAN).locator('.pane-body');
  await body.evaluate((el) => (el.scrollTop = 0));
  await c2.getByRole('button').click();
  await expect(c2).toHaveAttribute('aria-current', 'true');
  await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBeGreaterThan(200);
});

sampleTest('the keyboard walks the list: Ctrl+Shift+B to the search box, ArrowDown into the rows, ArrowDown/ArrowUp between rows, Enter opens the claim', async ({ page }) => {
  await tagFiveClaims(page);
  const search = browser(page).getByRole('searchbox', { name: 'Search claims' });
  // The "Claim Browser" command puts the caret in the browser's search box.
  await page.getByRole('tab', { name: 'Search' }).click();
  await page.keyboard.press('Control+Shift+B');
  await expect(search).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(row(page, K1).getByRole('button')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(row(page, C1).getByRole('button')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(row(page, K2).getByRole('button')).toBeFocused();
  await page.keyboard.press('End');
  await expect(row(page, Z1).getByRole('button')).toBeFocused();
  // Only one row is in the tab order.
  await expect(rows(page).locator('[tabindex="0"]')).toHaveCount(1);

  const body = pane(page, CARAVAN).locator('.pane-body');
  await body.evaluate((el) => (el.scrollTop = 0));
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(row(page, C2).getByRole('button')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(row(page, C2)).toHaveAttribute('aria-current', 'true');
  await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBeGreaterThan(200);
});

sampleTest('two thousand claims: the list reports them all, keeps only a screenful of rows in the page, and reaches the last one', async ({ page }) => {
  sampleTest.setTimeout(180_000);
  const docs = await api<{ id: string; title: string; length: number }[]>(page, 'documents.list', {});
  const caravan = docs.find((d) => CARAVAN.test(d.title))!;
  const tags = await api<{ id: string }[]>(page, 'tags.list', {});
  const made = await page.evaluate(
    async ([documentId, length, tagIds]) => {
      const step = Math.floor(length / 2000);
      const token = sessionStorage.getItem('crossread.token');
      const create = async (i: number) => {
        const res = await fetch('api/annotations.create', {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ documentId, start: i * step, end: i * step + 10, tagIds: [tagIds[i % tagIds.length]] }),
        });
        const out = (await res.json()) as { ok: boolean; value: { exact: string } };
        if (!out.ok) throw new Error(JSON.stringify(out));
        return out.value.exact;
      };
      let last = '';
      for (let i = 0; i < 2000; i += 25) {
        const batch = await Promise.all(Array.from({ length: 25 }, (_, k) => create(i + k)));
        last = batch.at(-1)!;
      }
      return last;
    },
    [caravan.id, caravan.length, tags.map((t) => t.id)] as const,
  );
  await page.reload();
  await expect(status(page)).toHaveText('2000 of 2000 claims');
  const rendered = await rows(page).count();
  expect(rendered).toBeGreaterThan(3);
  expect(rendered).toBeLessThan(100);
  await expect(rows(page).first()).toHaveAttribute('aria-setsize', '2000');

  await browser(page).locator('.vlist').evaluate((el) => (el.scrollTop = el.scrollHeight));
  const lastRow = browser(page).locator('li[aria-posinset="2000"]');
  await expect(lastRow).toBeVisible();
  await expect(lastRow.locator('.claim-quote')).toHaveText(`«${made.replace(/\s+/g, ' ').trim()}»`);
  expect(await rows(page).count()).toBeLessThan(100);

  // The keyboard reaches both ends too, focusing rows the list had not rendered.
  await lastRow.getByRole('button').focus();
  await page.keyboard.press('Home');
  await expect(browser(page).locator('li[aria-posinset="1"]').getByRole('button')).toBeFocused();
  await page.keyboard.press('End');
  await expect(browser(page).locator('li[aria-posinset="2000"]').getByRole('button')).toBeFocused();
});

sampleTest('link counts show on rows and the linked/unlinked filter uses them', async ({ page }) => {
  await tagFiveClaims(page);
  const annotations = await api<{ id: string; exact: string }[]>(page, 'annotations.list', {});
  const relations = await api<{ id: string; builtin: string | null }[]>(page, 'relations.list', {});
  const id = (quote: string) => annotations.find((a) => a.exact === quote)!.id;
  const supports = relations.find((r) => r.builtin === 'supports') ?? relations[0]!;
  await api(page, 'links.create', { fromId: id(K1), toId: id(Z1), relationId: supports.id });
  await api(page, 'links.create', { fromId: id(C2), toId: id(K1), relationId: supports.id });
  // Made behind the UI's back, so load the project afresh.
  await page.reload();
  await expect(status(page)).toHaveText('5 of 5 claims');
  await expect(row(page, K1).locator('.claim-meta')).toContainText('2 links');
  await expect(row(page, Z1).locator('.claim-meta')).toContainText('1 link');
  await expect(row(page, K2).locator('.claim-meta')).not.toContainText('link');

  await openFilters(page);
  const links = browser(page).getByRole('combobox', { name: 'Links' });
  await links.selectOption('linked');
  await expect.poll(() => claimQuotes(page)).toEqual([K1, C2, Z1]);
  await links.selectOption('unlinked');
  await expect.poll(() => claimQuotes(page)).toEqual([K2, C1]);
});
