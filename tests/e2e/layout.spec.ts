import { expect, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { clickInText, pane, sampleTest, tagSentence } from './app';

const K = 'Важным итогом визита стало решение о присоединении Казахстана к Соглашениям Авраама.';
const KAZ = /Велизаде/;

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Claim' });
const sidebar = (page: Page) => page.getByRole('region', { name: 'Documents' });

/** Each open pane's width, and what 30em is in that pane. */
const paneWidths = (page: Page) =>
  page.locator('.pane').evaluateAll((els) => els.map((el) => ({ width: el.getBoundingClientRect().width, em30: 30 * parseFloat(getComputedStyle(el).fontSize) })));

/** The layout as the project file holds it. */
function savedLayout(file: string): { panes: Record<string, unknown>[]; sidebar: boolean; inspector?: boolean } | null {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("SELECT value FROM project_meta WHERE key = 'layout'").get() as { value: string } | undefined;
    return row ? JSON.parse(row.value) : null;
  } finally {
    db.close();
  }
}

sampleTest('at 1280×800 and 900×700 with three panes and the inspector, no pane is squeezed below 30em: the row scrolls sideways', async ({ page }) => {
  await tagSentence(page, pane(page, KAZ), K, ['3']);
  await clickInText(page, pane(page, KAZ), K, 3);
  await expect(inspector(page).locator('.inspector-quote')).toHaveText(K);
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 900, height: 700 },
  ]) {
    await page.setViewportSize(viewport);
    await expect(page.locator('.pane')).toHaveCount(3);
    await expect(inspector(page)).toBeVisible();
    await expect(sidebar(page)).toBeVisible();
    for (const { width, em30 } of await paneWidths(page)) expect(width, `a pane at ${viewport.width} px`).toBeGreaterThanOrEqual(em30 - 1);
    const row = page.locator('.panes');
    expect(await row.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    // The last pane can be scrolled into full view.
    const last = page.locator('.pane').last();
    // The whole pane (its text and the coding stripe beside it) is what must fit.
    await last.evaluate((el) => el.scrollIntoView({ inline: 'end', block: 'nearest' }));
    const lastBox = (await last.boundingBox())!;
    const rowBox = (await row.boundingBox())!;
    expect(lastBox.x + lastBox.width).toBeLessThanOrEqual(rowBox.x + rowBox.width + 1);
    expect(lastBox.x).toBeGreaterThanOrEqual(rowBox.x - 1);
  }
  // Russian text is hyphenated by its language, not broken mid-word.
  const body = pane(page, KAZ).locator('.pane-body');
  await expect(body).toHaveAttribute('lang', 'ru');
  expect(await pane(page, KAZ).locator('.source-text').evaluate((el) => getComputedStyle(el).hyphens)).toBe('auto');
});

sampleTest('a split saved at 1920 never leaves a sliver of a pane at 1280', async ({ page, sample }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const splitter = page.getByRole('separator', { name: 'Resize panes' }).first();
  await splitter.focus();
  // The middle pane as narrow as the splitter allows.
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => (savedLayout(sample.projectPath)?.panes[1]?.share as number | undefined) ?? 1).toBeLessThan(0.1);
  // Saved as proportions of the row that add up to 1, not as pixels.
  const saved = savedLayout(sample.projectPath)!;
  expect(saved.panes.every((p) => !('size' in p))).toBe(true);
  expect(saved.panes.reduce((a, p) => a + (p.share as number), 0)).toBeCloseTo(1, 3);

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.reload();
  await expect(page.locator('.pane .source-text')).toHaveCount(3);
  for (const { width, em30 } of await paneWidths(page)) expect(width).toBeGreaterThanOrEqual(em30 - 1);
});

sampleTest('a layout moves between screens in proportion', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.keyboard.press('Control+\\');
  await page.keyboard.press('Control+Shift+\\');
  await page.getByRole('button', { name: /^Close .*Бадамов/ }).click();
  const splitter = page.getByRole('separator', { name: 'Resize panes' });
  await splitter.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(splitter).toHaveAttribute('aria-valuenow', '60');
  const share = async () => {
    const [a, b] = (await paneWidths(page)).map((p) => p.width);
    return a! / (a! + b!);
  };
  expect(await share()).toBeCloseTo(0.6, 2);
  await page.waitForTimeout(600); // the layout is saved a moment after it changes

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.reload();
  await expect(page.locator('.pane .source-text')).toHaveCount(2);
  await expect(sidebar(page)).toHaveCount(0);
  await expect(inspector(page)).toHaveCount(0);
  expect(await share()).toBeCloseTo(0.6, 2);
});

sampleTest('the sidebar and the inspector collapse by key and by button, and stay so after a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.keyboard.press('Control+\\');
  await expect(sidebar(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Sidebar' })).toHaveAttribute('aria-pressed', 'false');
  await page.getByRole('button', { name: 'Sidebar' }).click();
  await expect(sidebar(page)).toBeVisible();

  await page.keyboard.press('Control+Shift+\\');
  await expect(inspector(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Claim inspector' }).click();
  await expect(inspector(page)).toBeVisible();
  await page.getByRole('button', { name: 'Claim inspector' }).click();
  await page.getByRole('button', { name: 'Sidebar' }).click();
  await expect(inspector(page)).toHaveCount(0);
  await expect(sidebar(page)).toHaveCount(0);
  // Both hidden, the three panes fit side by side at 1280 px, each at least 30em.
  const widths = await paneWidths(page);
  expect(widths).toHaveLength(3);
  for (const { width, em30 } of widths) expect(width).toBeGreaterThanOrEqual(em30 - 1);
  expect(await page.locator('.panes').evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);

  await page.waitForTimeout(600); // the layout is saved a moment after it changes
  await page.reload();
  await expect(page.locator('.pane .source-text')).toHaveCount(3);
  await expect(inspector(page)).toHaveCount(0);
  await expect(sidebar(page)).toHaveCount(0);

  // Opening a claim shows the inspector again: it is where a claim is edited.
  await page.keyboard.press('Control+\\');
  await expect(sidebar(page)).toBeVisible();
  await tagSentence(page, pane(page, KAZ), K, ['3']);
  await clickInText(page, pane(page, KAZ), K, 3);
  await expect(inspector(page).locator('.inspector-quote')).toHaveText(K);
});
