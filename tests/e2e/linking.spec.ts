import { expect, type Page } from '@playwright/test';
import { claimQuotes, clickInText, cliJson, expectToast, pane, sampleTest, tagSentence } from './app';

const K = 'Важным итогом визита стало решение о присоединении Казахстана к Соглашениям Авраама.';
const C1 = 'стороны подписали коммерческие соглашения более чем на 17 млрд долларов.';
const KAZ = /Велизаде/;
const CAR = /Казанцев/;

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Claim' });
const banner = (page: Page) => page.getByRole('status').filter({ hasText: 'Linking «' });
const picker = (page: Page) => page.getByRole('dialog', { name: 'How are they related?' });
const clickClaim = (page: Page, title: RegExp, text: string) => clickInText(page, pane(page, title), text, 3);
const storedLinks = (home: string, project: string) => cliJson<unknown[]>(home, 'links', '--project', project);

/** Two claims to link, K selected. */
async function twoClaims(page: Page) {
  await tagSentence(page, pane(page, KAZ), K, ['3']);
  await tagSentence(page, pane(page, CAR), C1, ['1']);
  await clickClaim(page, KAZ, K);
  await expect(inspector(page).locator('.inspector-quote')).toHaveText(K);
}

sampleTest('link mode survived Esc: Enter on the start claim in the claim browser, then Esc, never links the next claim picked', async ({ page, sample }) => {
  await twoClaims(page);
  await page.keyboard.press('l');
  await expect(banner(page)).toBeVisible();

  // The claim browser, from the keyboard, onto the claim the link starts from; Enter.
  await page.keyboard.press('Control+Shift+B');
  await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 3 && !((await page.evaluate(() => document.activeElement?.textContent ?? '')).includes(K.slice(0, 30))); i++) {
    await page.keyboard.press('ArrowDown');
  }
  expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(K.slice(0, 30));
  await page.keyboard.press('Enter');
  // Picking the start claim itself is the way out: no popover over the text, no banner.
  await expect(banner(page)).toBeHidden();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(inspector(page).locator('.inspector-quote')).toHaveText(K);

  await page.keyboard.press('Escape');
  await expect(banner(page)).toBeHidden();
  await clickClaim(page, CAR, C1);
  await expect(inspector(page).locator('.inspector-quote')).toHaveText(C1);
  await expect(picker(page)).toHaveCount(0);
  expect(storedLinks(sample.home, sample.projectPath)).toEqual([]);
});

sampleTest('Esc ends link mode wherever focus is, a note field included, and the next claim picked is only selected', async ({ page, sample }) => {
  await twoClaims(page);
  await page.keyboard.press('l');
  await expect(banner(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(banner(page)).toBeHidden();
  await page.keyboard.press('l');
  await expect(banner(page)).toBeVisible();
  // Esc with focus in a text field (the claim's note) ends it as well.
  await inspector(page).getByRole('textbox', { name: 'Note on this claim' }).click();
  await page.keyboard.press('Escape');
  await expect(banner(page)).toBeHidden();
  await clickClaim(page, CAR, C1);
  await expect(inspector(page).locator('.inspector-quote')).toHaveText(C1);
  await expect(picker(page)).toHaveCount(0);
  expect(storedLinks(sample.home, sample.projectPath)).toEqual([]);
});

sampleTest('any other command, or switching project, ends link mode', async ({ page }) => {
  await twoClaims(page);
  await page.keyboard.press('l');
  await expect(banner(page)).toBeVisible();
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog', { name: 'Commands' })).toBeVisible();
  await expect(banner(page)).toBeHidden();
  await page.keyboard.press('Escape');

  await clickClaim(page, KAZ, K);
  await page.keyboard.press('l');
  await expect(banner(page)).toBeVisible();
  await page.getByRole('button', { name: 'Projects' }).click();
  await page.getByRole('button', { name: /Sample project/ }).click();
  await expect(page.locator('.pane .source-text')).toHaveCount(3);
  await expect(banner(page)).toBeHidden();
  await clickClaim(page, CAR, C1);
  await expect(picker(page)).toHaveCount(0);
});

/** WCAG contrast ratio of two opaque sRGB colours. */
function contrast(a: number[], b: number[]): number {
  const lum = (c: number[]) => {
    const [r, g, bl] = c.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

sampleTest('the link banner’s Esc key label is readable, not white on white', async ({ page }) => {
  await twoClaims(page);
  await page.keyboard.press('l');
  const kbd = banner(page).locator('kbd');
  await expect(kbd).toHaveText('Esc');
  // The label's text against what is really behind it: its own background laid over the banner's.
  const colours = await kbd.evaluate((el) => {
    const rgba = (s: string) => (s.match(/[\d.]+/g) ?? []).map(Number);
    const text = rgba(getComputedStyle(el).color);
    const own = rgba(getComputedStyle(el).backgroundColor);
    const under = rgba(getComputedStyle(el.closest('.link-banner')!).backgroundColor);
    const alpha = own[3] ?? 1;
    const behind = [0, 1, 2].map((i) => own[i]! * alpha + under[i]! * (1 - alpha));
    return { text: text.slice(0, 3), behind };
  });
  expect(contrast(colours.text, colours.behind)).toBeGreaterThanOrEqual(4.5);
});

sampleTest('a claim saved from the keyboard is the selected claim, so L links it at once', async ({ page, sample }) => {
  await tagSentence(page, pane(page, CAR), C1, ['1']);
  // Caret, Shift+arrows, a number key, Enter — and straight on with L, no waiting for the save.
  await clickInText(page, pane(page, KAZ), K);
  for (let i = 0; i < K.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('3');
  await page.keyboard.press('Enter');
  await page.keyboard.press('l');
  await expect(banner(page)).toContainText(K.slice(0, 40));
  await expect(inspector(page).locator('.inspector-quote')).toHaveText(K);
  await clickClaim(page, CAR, C1);
  await expect(picker(page)).toBeVisible();
  await page.keyboard.press('1');
  await expect(picker(page)).toBeHidden();
  await expect(inspector(page).locator('.relation')).toHaveText(['supports']);
  expect(storedLinks(sample.home, sample.projectPath)).toHaveLength(1);
  expect((await claimQuotes(page)).sort()).toEqual([K, C1].sort());
});

sampleTest('L with no claim selected says why nothing happened', async ({ page }) => {
  await clickInText(page, pane(page, KAZ), K);
  await expect(inspector(page).locator('.inspector-quote')).toHaveCount(0);
  await page.keyboard.press('l');
  await expectToast(page, 'Nothing to link yet: select a claim (click it), then press L.');
  await expect(banner(page)).toHaveCount(0);
});
