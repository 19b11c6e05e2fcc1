import { expect, type Page } from '@playwright/test';
import { sampleTest } from './app';

const COUNTRY = "expert's country";
const searchRegion = (page: Page) => page.getByRole('region', { name: 'Search' });

/** Gives Velizade's interview (Kazpravda.kz) the country "Kazakhstan" in the Attributes dialog, and describes "economic" in the Tags dialog. */
async function describeProject(page: Page): Promise<void> {
  await page.locator('.topbar').getByRole('button', { name: 'Attributes', exact: true }).click();
  const attributes = page.getByRole('dialog', { name: 'Source attributes' });
  const form = attributes.getByRole('form', { name: 'New attribute' });
  await form.getByLabel('New attribute name').fill(COUNTRY);
  await form.getByLabel('Type').selectOption({ label: 'choice list' });
  await form.getByLabel('Choices').fill('Azerbaijan | Kazakhstan | Russia');
  await form.getByRole('button', { name: 'Add attribute' }).click();
  await attributes.getByLabel(`${COUNTRY} of Kazpravda.kz`).selectOption('Kazakhstan');
  await expect(attributes.getByLabel(`${COUNTRY} of Kazpravda.kz`)).toHaveValue('Kazakhstan');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Tags', exact: true }).click();
  const tags = page.getByRole('dialog', { name: 'Tags' });
  await tags.getByRole('button', { name: 'Codebook entry of «economic»' }).click();
  const entry = tags.getByRole('form', { name: 'Codebook entry of «economic»' });
  await entry.getByLabel('Definition').fill('Trade, investment and deals between Kazakhstan and its partners');
  await entry.getByRole('button', { name: 'Save entry' }).click();
  await expect(entry.getByRole('button', { name: 'Save entry' })).toBeDisabled();
  await tags.getByRole('button', { name: 'Close' }).click();
}

sampleTest('searching "Kazakhstan" finds the country given to a document, and a click opens that document’s details with the value', async ({ page }) => {
  await describeProject(page);
  await page.getByRole('tab', { name: 'Search' }).click();
  await searchRegion(page).getByRole('searchbox').fill('Kazakhstan');
  const values = searchRegion(page).locator('.record-hits').filter({ hasText: 'in document details' });
  await expect(values.getByRole('heading')).toHaveText('1 hit in document details');
  // The count says so too: the value and the codebook's definition, though no document's text has the word.
  await expect(searchRegion(page).getByRole('status')).toHaveText('2 hits');
  const hit = values.getByRole('button');
  await expect(hit).toContainText(`${COUNTRY} of «Kazpravda.kz»`);
  await expect(hit.locator('mark')).toHaveText('Kazakhstan');

  await hit.click();
  const details = page.getByRole('dialog', { name: 'Document details' });
  await expect(details).toBeVisible();
  await expect(details.getByLabel('Outlet')).toHaveValue('Kazpravda.kz');
  await expect(details.getByLabel(`${COUNTRY} of Kazpravda.kz`)).toHaveValue('Kazakhstan');
});

sampleTest('a word of a tag’s codebook entry is found, and a click shows that tag and its entry in the Codes tab', async ({ page }) => {
  await describeProject(page);
  await page.getByRole('tab', { name: 'Search' }).click();
  // Another form of the word finds it: the codebook is matched by word stems, like the documents.
  await searchRegion(page).getByRole('searchbox').fill('investments');
  const codebook = searchRegion(page).locator('.record-hits').filter({ hasText: 'in the codebook' });
  await expect(codebook.getByRole('heading')).toHaveText('1 hit in the codebook');
  await expect(codebook.getByRole('button')).toContainText('«economic», Definition');
  await expect(codebook.locator('mark')).toHaveText('investment');

  await codebook.getByRole('button').click();
  await expect(page.getByRole('tab', { name: 'Codes' })).toHaveAttribute('aria-selected', 'true');
  const row = page.getByRole('tree', { name: 'Code system' }).getByRole('treeitem', { name: 'economic' });
  await expect(row).toBeFocused();
  const found = page.getByRole('region', { name: 'Found in the codebook: «economic»' });
  await expect(found).toContainText('Trade, investment and deals between Kazakhstan and its partners');
  await found.getByRole('button', { name: 'Close' }).click();
  await expect(found).toBeHidden();
});
