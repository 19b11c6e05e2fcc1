import { expect, type Page } from '@playwright/test';
import { cliJson, expectToast, pane, sampleTest, selectWithMouse } from './app';
import { K1, KAZPRAVDA } from './sentences';

const sidebarTree = (page: Page) => page.getByRole('tree', { name: 'Code system' });

sampleTest('stars two tags, one in the code tree and one in the Tags dialog; the popover shows 1 and 2 on them and the keys code with them', async ({ page, sample }) => {
  // The tree's order is economic, security, interfaith; the favourites keep it: security 1, interfaith 2.
  await page.getByRole('tab', { name: 'Codes' }).click();
  await sidebarTree(page).getByRole('button', { name: /^Star «security»/ }).click();
  await expectToast(page, /«security» starred/);
  await expect(sidebarTree(page).getByRole('button', { name: 'Unstar «security»' })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: 'Tags', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Tags' });
  await dialog.getByRole('button', { name: /^Star «interfaith»/ }).click();
  await expect(dialog.getByRole('button', { name: 'Unstar «interfaith»' })).toHaveAttribute('aria-pressed', 'true');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await selectWithMouse(page, pane(page, KAZPRAVDA), K1);
  const popover = page.getByRole('dialog', { name: 'Tag this claim' });
  await expect(popover).toBeVisible();
  const toggles = popover.getByRole('group', { name: 'Tags' }).getByRole('button');
  await expect(toggles).toHaveText(['economic', '1 security', '2 interfaith']);
  await page.keyboard.press('1');
  await page.keyboard.press('2');
  await expect(popover.getByRole('button', { pressed: true })).toHaveText(['1 security', '2 interfaith']);
  await page.keyboard.press('Enter');
  await expect(popover).toBeHidden();

  await expect
    .poll(() => cliJson<{ exact: string; tags: string[] }[]>(sample.home, 'annotations', '--project', sample.projectPath, '--json').map((a) => [a.exact, a.tags]))
    .toEqual([[K1, ['security', 'interfaith']]]);
});

sampleTest('Ctrl+Z takes back a star, and without favourites the number keys stay with the top-level tags', async ({ page }) => {
  await page.getByRole('tab', { name: 'Codes' }).click();
  await sidebarTree(page).getByRole('button', { name: /^Star «interfaith»/ }).click();
  await expectToast(page, /«interfaith» starred/);
  await page.locator('.topbar .brand').click();
  await page.keyboard.press('Control+z');
  await expectToast(page, 'Undone: starring of tag «interfaith»');
  await expect(sidebarTree(page).getByRole('button', { name: /^Star «interfaith»/ })).toHaveAttribute('aria-pressed', 'false');

  await selectWithMouse(page, pane(page, KAZPRAVDA), K1);
  const popover = page.getByRole('dialog', { name: 'Tag this claim' });
  await expect(popover.getByRole('group', { name: 'Tags' }).getByRole('button')).toHaveText(['1 economic', '2 security', '3 interfaith']);
});
