import { expect, type Locator, type Page } from '@playwright/test';
import { api, claimQuotes, clickInText, cliJson, expectToast, pane, sampleTest, tagSentence } from './app';
import { C1, CARAVAN, K1, K2, KAZPRAVDA, Z1, ZAKON } from './sentences';

const COUNTRY = "expert's country";
const status = (page: Page): Locator => page.getByRole('region', { name: 'Claims' }).getByRole('status');
const documents = (page: Page): Locator => page.getByRole('region', { name: 'Documents' });
const dialog = (page: Page): Locator => page.getByRole('dialog', { name: 'Source attributes' });
const inspector = (page: Page): Locator => page.getByRole('complementary', { name: 'Claim' });

async function openAttributes(page: Page): Promise<Locator> {
  await page.locator('.topbar').getByRole('button', { name: 'Attributes', exact: true }).click();
  await expect(dialog(page)).toBeVisible();
  return dialog(page);
}

/** Defines the country attribute in the dialog, the way a user types it. */
async function defineCountry(d: Locator): Promise<void> {
  const form = d.getByRole('form', { name: 'New attribute' });
  await form.getByLabel('New attribute name').fill(COUNTRY);
  await form.getByLabel('Type').selectOption({ label: 'choice list' });
  await form.getByLabel('Choices').fill('Azerbaijan | Kazakhstan | Russia');
  await form.getByRole('button', { name: 'Add attribute' }).click();
  await expect(d.getByRole('columnheader', { name: COUNTRY })).toBeVisible();
}

/** Velizade and Badamov are introduced as Azerbaijani experts, Kazantsev is a Russian political scientist. */
async function giveCountries(d: Locator): Promise<void> {
  for (const [outlet, country] of [['Kazpravda.kz', 'Azerbaijan'], ['Caravan.kz', 'Russia'], ['Zakon.kz', 'Azerbaijan']] as const) {
    const field = d.getByLabel(`${COUNTRY} of ${outlet}`);
    await field.selectOption(country);
    await expect(field).toHaveValue(country);
  }
}

interface CliAttributes {
  documents: { title: string; values: Record<string, string> }[];
  claimOverrides: { claimId: string; attribute: string; value: string }[];
}

sampleTest('gives the three experts their countries; the document list shows, sorts and groups by them, and Ctrl+Z takes a value back', async ({ page, sample }) => {
  const d = await openAttributes(page);
  await defineCountry(d);
  await giveCountries(d);
  await page.keyboard.press('Escape');
  await expect(d).toBeHidden();

  const docs = documents(page);
  await expect(docs.locator('.doc-value')).toHaveText([`${COUNTRY}: Azerbaijan`, `${COUNTRY}: Russia`, `${COUNTRY}: Azerbaijan`]);
  // Sorted by country the Russian expert comes last (choices sort in their list's order).
  await docs.getByLabel('Sort').selectOption({ label: COUNTRY });
  await expect(docs.locator('.doc-value')).toHaveText([`${COUNTRY}: Azerbaijan`, `${COUNTRY}: Azerbaijan`, `${COUNTRY}: Russia`]);
  await docs.getByLabel('Group').selectOption({ label: COUNTRY });
  await expect(docs.getByRole('group', { name: `${COUNTRY}: Azerbaijan` }).locator('.doc-title')).toHaveCount(2);
  await expect(docs.getByRole('group', { name: `${COUNTRY}: Russia` }).locator('.doc-title')).toHaveText([/Казанцев/]);

  // The file holds the values, as the CLI reads them.
  const stored = cliJson<CliAttributes>(sample.home, 'attributes', '--project', sample.projectPath);
  expect(stored.documents.map((x) => x.values[COUNTRY]).sort()).toEqual(['Azerbaijan', 'Azerbaijan', 'Russia']);

  // Ctrl+Z takes back the last value given (Zakon's), and says what it undid.
  await page.locator('.topbar .brand').click();
  await page.keyboard.press('Control+z');
  await expectToast(page, /Undone: «expert's country» of «/);
  await expect(docs.getByRole('group', { name: `${COUNTRY}: Azerbaijan` }).locator('.doc-title')).toHaveCount(1);
  await expect(docs.getByRole('group', { name: `${COUNTRY}: no value` }).locator('.doc-title')).toHaveText([/Бадамов/]);
});

sampleTest('a value of the wrong type is refused with a clear error and nothing changes', async ({ page, sample }) => {
  const d = await openAttributes(page);
  const form = d.getByRole('form', { name: 'New attribute' });
  await form.getByLabel('New attribute name').fill('expert age');
  await form.getByLabel('Type').selectOption({ label: 'number' });
  await form.getByRole('button', { name: 'Add attribute' }).click();
  const age = d.getByLabel('expert age of Kazpravda.kz');
  await age.fill('forty');
  await age.press('Enter');
  await expectToast(page, 'Not saved: “expert age” takes a number.');
  await expect(age).toHaveValue('');
  expect(cliJson<CliAttributes>(sample.home, 'attributes', '--project', sample.projectPath).documents.every((x) => Object.keys(x.values).length === 0)).toBe(true);
  // A choice that is not in the list, sent through the API, is refused the same way.
  const list = await api<{ id: string; builtin: string | null }[]>(page, 'attributes.list', {});
  const [doc] = await api<{ id: string }[]>(page, 'documents.list', {});
  await expect(api(page, 'attributes.setValue', { owner: { kind: 'document', id: doc!.id }, attributeId: list.find((a) => a.builtin === 'reliability')!.id, value: 'G' })).rejects.toThrow(
    /no choice like that/,
  );
  await age.fill('41');
  await age.press('Enter');
  await expect(documents(page).locator('.doc-value')).toHaveText(['expert age: 41']);
});

sampleTest('filters the claim browser by country, and the matrix takes the countries as columns', async ({ page }) => {
  const d = await openAttributes(page);
  await defineCountry(d);
  await giveCountries(d);
  await page.keyboard.press('Escape');
  const plan = [
    [KAZPRAVDA, K1, ['1']],
    [KAZPRAVDA, K2, ['1']],
    [CARAVAN, C1, ['1']],
    [ZAKON, Z1, ['2']],
  ] as const;
  for (const [i, [title, text, keys]] of plan.entries()) {
    await tagSentence(page, pane(page, title), text, [...keys]);
    await expect(status(page)).toHaveText(`${i + 1} of ${i + 1} ${i === 0 ? 'claim' : 'claims'}`);
  }

  const claims = page.getByRole('region', { name: 'Claims' });
  await claims.getByRole('button', { name: /^Filters/ }).click();
  const country = claims.getByRole('group', { name: COUNTRY });
  await country.getByRole('button', { name: 'Russia' }).click();
  await expect.poll(() => claimQuotes(page)).toEqual([C1]);
  await expect(claims.locator('.browser-summary')).toHaveText(`${COUNTRY}: Russia`);
  await country.getByRole('button', { name: 'Russia' }).click();
  await country.getByRole('button', { name: 'Azerbaijan' }).click();
  await expect.poll(() => claimQuotes(page)).toEqual([K1, K2, Z1]);
  await claims.getByRole('button', { name: 'Clear filters' }).click();

  await page.getByRole('button', { name: 'Matrix', exact: true }).click();
  const matrix = page.getByRole('dialog', { name: 'Tags × documents' });
  await matrix.getByLabel('Columns').selectOption({ label: COUNTRY });
  await expect(matrix.getByRole('table')).toHaveAccessibleName(`Claims per tag and ${COUNTRY}. Choose a number to list those claims.`);
  const rows = () => matrix.locator('tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText.trim())));
  await expect.poll(rows).toEqual([
    ['Tag', 'Azerbaijan', 'Russia', 'Total'],
    ['economic', '2', '1', '3'],
    ['security', '1', '', '1'],
    ['interfaith', '', '', ''],
    ['untagged', '', '', ''],
  ]);
  await matrix.getByRole('button', { name: 'Show claims tagged economic with Azerbaijan (2)' }).click();
  await expect(matrix).toBeHidden();
  await expect.poll(() => claimQuotes(page)).toEqual([K1, K2]);
  await expect(status(page)).toHaveText('2 of 4 claims');
});

sampleTest('grades a source B2 and overrides one claim’s credibility in the inspector', async ({ page, sample }) => {
  const d = await openAttributes(page);
  await d.getByLabel('source reliability of Kazpravda.kz').selectOption('B');
  await d.getByLabel('information credibility of Kazpravda.kz').selectOption('2');
  await expect(d.getByLabel('information credibility of Kazpravda.kz')).toHaveValue('2');
  await page.keyboard.press('Escape');
  await tagSentence(page, pane(page, KAZPRAVDA), K1, ['1']);
  await tagSentence(page, pane(page, KAZPRAVDA), K2, ['1']);

  await clickInText(page, pane(page, KAZPRAVDA), K2, 3);
  const grading = inspector(page).getByRole('region', { name: 'Source grading' });
  await expect(grading.getByTestId('claim-grade')).toHaveText('B2');
  await expect(grading).toContainText('The document is graded B2');
  await grading.getByLabel('information credibility of this claim').selectOption('4');
  await expect(grading.getByTestId('claim-grade')).toHaveText('B4');

  // The other claim keeps its document's grade.
  await clickInText(page, pane(page, KAZPRAVDA), K1, 3);
  await expect(inspector(page).locator('.inspector-quote')).toHaveText(K1);
  await expect(grading.getByTestId('claim-grade')).toHaveText('B2');

  const stored = cliJson<CliAttributes>(sample.home, 'attributes', '--project', sample.projectPath);
  expect(stored.claimOverrides).toEqual([expect.objectContaining({ attribute: 'information credibility', value: '4' })]);
  expect(stored.documents.find((x) => x.values['source reliability'])?.values).toEqual({ 'source reliability': 'B', 'information credibility': '2' });
});
