import fs from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { api, pane, sampleTest } from './app';
import { C1, CARAVAN, K1, K2, KAZPRAVDA } from './sentences';

interface Doc {
  id: string;
  outlet: string;
}
interface TagRow {
  id: string;
  name: string;
}

/** Codes `phrase` in the document of `outlet` as the author the settings name. */
async function code(page: Page, outlet: string, phrase: string, tags: string[]): Promise<void> {
  const docs = await api<Doc[]>(page, 'documents.list', {});
  const doc = docs.find((d) => d.outlet === outlet)!;
  const { text } = await api<{ text: string }>(page, 'documents.get', { id: doc.id });
  const all = await api<TagRow[]>(page, 'tags.list', {});
  const start = text.indexOf(phrase);
  expect(start).toBeGreaterThanOrEqual(0);
  await api(page, 'annotations.create', { documentId: doc.id, start, end: start + phrase.length, tagIds: tags.map((n) => all.find((t) => t.name === n)!.id) });
}

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Claim' });
const view = (page: Page) => page.getByRole('region', { name: 'Agreement' });

sampleTest.beforeEach(async ({ page }) => {
  // Two colleagues coded the sample: they agree on K1, Bob's K2 claim is shorter, and they tagged
  // C1 differently. The claims are made as each author in turn, as after merging a colleague's file.
  await api(page, 'settings.update', { author: 'Alice' });
  await code(page, 'Kazpravda.kz', K1, ['economic']);
  await code(page, 'Kazpravda.kz', K2, ['economic']);
  await code(page, 'Caravan.kz', C1, ['economic']);
  await api(page, 'settings.update', { author: 'Bob' });
  await code(page, 'Kazpravda.kz', K1, ['economic']);
  await code(page, 'Kazpravda.kz', 'Казахстан как транспортный хаб', ['economic']);
  await code(page, 'Caravan.kz', C1, ['security']);
  await page.reload();
  await expect(page.locator('.pane .source-text')).toHaveCount(3);
});

async function openAgreement(page: Page) {
  const bar = page.getByRole('menubar', { name: 'Menu' });
  await bar.getByRole('menuitem', { name: 'View', exact: true }).click();
  await page.getByRole('menu', { name: 'View' }).getByRole('menuitem', { name: 'Intercoder agreement' }).click();
  await expect(view(page).getByRole('table')).toBeVisible();
}

sampleTest('the Agreement view shows kappa per tag for two authors and leads from a disagreement to its claim', async ({ page }) => {
  await openAgreement(page);
  const v = view(page);
  await expect(v.getByRole('tab', { name: 'Agreement' })).toHaveAttribute('aria-selected', 'true');
  await expect(v.getByRole('checkbox', { name: 'Alice' })).toBeChecked();
  await expect(v.getByRole('checkbox', { name: 'Bob' })).toBeChecked();
  await expect(v.getByRole('status')).toContainText('Alice and Bob: κ');

  // Per tag at the paragraph level: economic disagrees only on Caravan's C1 paragraph, security only there too.
  await v.getByRole('radio', { name: 'Paragraphs' }).click();
  const rows = v.locator('tbody tr');
  await expect(v.getByRole('rowheader')).toHaveText(['economic', 'security', 'All']);
  const cells = async (i: number) => rows.nth(i).locator('td').allInnerTexts();
  const economic = await cells(0);
  expect(economic[1]).toMatch(/^0\.\d\d$/);
  expect(Number(economic[1])).toBeGreaterThan(0.5);
  const security = await cells(1);
  // Bob tagged one paragraph security, Alice none: no agreement beyond chance.
  expect(security[1]).toBe('0.00');

  // By document: Zakon.kz was coded by neither, so its figures are dashes, not zeros.
  await v.getByRole('radio', { name: 'By document' }).click();
  await expect(v.getByRole('rowheader')).toHaveText(['Kazpravda.kz', 'Caravan.kz', 'Zakon.kz', 'All']);
  await expect(rows.nth(2).locator('td')).toHaveText(['—', '—', '—']);

  // The disagreements, side by side: Bob's shorter K2, and C1 with different tags.
  const list = v.getByRole('region', { name: 'Disagreements' });
  await expect(list.getByRole('heading')).toHaveText('2 disagreements');
  const items = list.getByRole('listitem');
  await expect(items.nth(0)).toContainText('Different extent · Kazpravda.kz');
  await expect(items.nth(1)).toContainText('Different tags · Caravan.kz');
  await expect(items.nth(1).locator('.chip')).toHaveText(['economic', 'security']);

  // A click on Bob's side opens that claim: selected in the inspector, its document in a pane.
  await items.nth(0).getByRole('button', { name: /Bob/ }).click();
  await expect(inspector(page).locator('.inspector-quote')).toHaveText('Казахстан как транспортный хаб');
  await expect(inspector(page)).toContainText('Bob');
  await expect(pane(page, KAZPRAVDA)).toBeVisible();
  await items.nth(1).getByRole('button', { name: /Alice/ }).click();
  await expect(inspector(page).locator('.inspector-quote')).toHaveText(C1);
  await expect(pane(page, CARAVAN)).toBeVisible();
});

sampleTest('leaving an author out of the Agreement view leaves nothing to compare, and recoding to match removes a disagreement', async ({ page }) => {
  await openAgreement(page);
  const v = view(page);
  await v.getByRole('checkbox', { name: 'Bob' }).uncheck();
  await expect(v).toContainText('Choose at least two authors and one tag to compare.');
  await expect(v.getByRole('table')).toHaveCount(0);
  await v.getByRole('checkbox', { name: 'Bob' }).check();
  const list = v.getByRole('region', { name: 'Disagreements' });
  await expect(list.getByRole('heading')).toHaveText('2 disagreements');
  // Bob recodes K2 over its whole extent, as Alice did: that disagreement goes. The view pane was
  // saved with the layout, so it is open again after the reload.
  await api(page, 'settings.update', { author: 'Bob' });
  const claims = await api<{ id: string; author: string; exact: string }[]>(page, 'annotations.list', {});
  const shorter = claims.find((c) => c.author === 'Bob' && c.exact === 'Казахстан как транспортный хаб')!;
  await api(page, 'annotations.delete', { id: shorter.id });
  await code(page, 'Kazpravda.kz', K2, ['economic']);
  await page.reload();
  await expect(list.getByRole('heading')).toHaveText('1 disagreement');
  await expect(list.getByRole('listitem')).toContainText('Different tags · Caravan.kz');
});

sampleTest('the agreement figures download as CSV and HTML in browser mode, in the reader’s language', async ({ page }) => {
  await openAgreement(page);
  const v = view(page);
  const csvDownload = page.waitForEvent('download');
  await v.getByRole('button', { name: 'CSV', exact: true }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toBe('Intercoder agreement.csv');
  const csvText = fs.readFileSync((await csv.path())!, 'utf8');
  expect(csvText).toContain('All tags and documents,Alice,Bob,sentence,');
  expect(csvText).toMatch(/differentTags,Caravan\.kz,Alice,[0-9a-f-]{36},/);
  await api(page, 'settings.update', { language: 'ru' });
  await page.reload();
  const htmlDownload = page.waitForEvent('download');
  await page.getByRole('region', { name: 'Согласованность' }).getByRole('button', { name: 'HTML', exact: true }).click();
  const html = await htmlDownload;
  expect(html.suggestedFilename()).toBe('Согласованность кодировщиков.html');
  const page2 = fs.readFileSync((await html.path())!, 'utf8');
  expect(page2).toContain('κ Коэна');
  expect(page2).toContain('разные границы');
});
