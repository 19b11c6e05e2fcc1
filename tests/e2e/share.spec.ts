import { expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import { claimQuotes, expectToast, pane, sampleTest, selectWithMouse } from './app';
import { C1, K1, KAZPRAVDA } from './sentences';

const ORPHAN_QUOTE = 'Эта фраза была в черновике интервью, но её убрали при правке текста';

/** A colleague's file in plain W3C Web Annotation JSON-LD: one claim that anchors, one that cannot. */
const colleagueFile = () =>
  JSON.stringify({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    first: {
      type: 'AnnotationPage',
      items: [
        {
          id: 'urn:uuid:6b0d7a52-3f4e-4c1a-9a51-0f6f2c1e0a01',
          type: 'Annotation',
          motivation: 'tagging',
          creator: { type: 'Person', name: 'Dana' },
          created: '2025-11-20T09:00:00Z',
          modified: '2025-11-20T09:00:00Z',
          body: [
            { type: 'TextualBody', purpose: 'tagging', value: 'economic' },
            { type: 'TextualBody', purpose: 'commenting', format: 'text/html', value: '<p>Deals <b>signed</b></p>' },
          ],
          target: { source: 'https://caravan.kz/interview', selector: { type: 'TextQuoteSelector', exact: C1 } },
        },
        {
          id: 'urn:uuid:6b0d7a52-3f4e-4c1a-9a51-0f6f2c1e0a02',
          type: 'Annotation',
          motivation: 'tagging',
          creator: { type: 'Person', name: 'Dana' },
          created: '2025-11-20T09:05:00Z',
          body: [{ type: 'TextualBody', purpose: 'tagging', value: 'security' }],
          target: { source: 'https://example.org/draft', selector: { type: 'TextQuoteSelector', exact: ORPHAN_QUOTE } },
        },
      ],
    },
  });

async function runCommand(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Commands' });
  await expect(palette).toBeVisible();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
}

const claimsList = (page: Page) => page.getByRole('region', { name: 'Claims' });

sampleTest('import a colleague’s file with a preview, see their claims with their author, re-attach an orphan by selecting text, export', async ({ page }) => {
  // Import: the command opens the file picker; the preview counts before anything is written.
  const chooser = page.waitForEvent('filechooser');
  await runCommand(page, 'import annotations');
  await (await chooser).setFiles({ name: 'dana.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(colleagueFile()) });
  const preview = page.getByRole('dialog', { name: 'Import annotations from dana.jsonld' });
  await expect(preview).toBeVisible();
  const byAuthor = preview.locator('table', { hasText: 'By author' });
  await expect(byAuthor.getByRole('row', { name: /Dana/ }).locator('td[data-col="new"]')).toHaveText('1');
  await expect(byAuthor.getByRole('row', { name: /Dana/ }).locator('td[data-col="orphans"]')).toHaveText('1');
  const byDocument = preview.locator('table', { hasText: 'By document' });
  await expect(byDocument.getByRole('row', { name: 'https://example.org/draft' }).locator('td[data-col="orphans"]')).toHaveText('1');
  expect(await claimQuotes(page)).toEqual([]);
  await preview.getByRole('button', { name: 'Import' }).click();
  await expect(preview).toBeHidden();
  await expectToast(page, 'Imported dana.jsonld. New: 1, updated: 0, orphans: 1, deleted: 0; no conflicts.');

  // The colleague's claim is in the list with its author and tag, and filterable by author.
  const row = claimsList(page).getByRole('listitem').filter({ hasText: C1.slice(0, 40) });
  await expect(row.locator('.claim-meta')).toContainText('Dana');
  await expect(row.locator('.chip')).toHaveText(['economic']);

  // The orphan is listed; re-attach it by selecting the right text in a pane.
  await page.getByRole('button', { name: 'Orphans: 1 · conflicts: 0' }).click();
  const review = page.getByRole('dialog', { name: 'Orphans and conflicts' });
  await expect(review.getByRole('region', { name: 'Orphans (1)' })).toContainText(ORPHAN_QUOTE);
  await review.getByRole('button', { name: 'Re-attach…' }).click();
  await expect(review).toBeHidden();
  const banner = page.getByRole('status').filter({ hasText: 'Select the text for' });
  await expect(banner).toBeVisible();
  await selectWithMouse(page, pane(page, KAZPRAVDA), K1);
  await expect(banner).toContainText(`Selected: «${K1.slice(0, 80)}`);
  await banner.getByRole('button', { name: 'Attach' }).click();
  await expectToast(page, 'The claim is attached again');
  await expect(banner).toBeHidden();
  const attached = claimsList(page).getByRole('listitem').filter({ hasText: K1.slice(0, 40) });
  await expect(attached.locator('.claim-meta')).toContainText('Dana');
  await expect(attached.locator('.chip')).toHaveText(['security']);
  await expect(page.getByRole('button', { name: /^Orphans: / })).toHaveCount(0);
  const inspector = page.getByRole('complementary', { name: 'Claim' });
  await expect(inspector.locator('.inspector-quote')).toHaveText(K1);
  await expect(inspector).toContainText('anchored exactly');

  // Export downloads the project's annotation file, the colleague's claims in it with their ids.
  await runCommand(page, 'export annotations');
  const exportDialog = page.getByRole('dialog', { name: 'Export annotations' });
  const download = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Sample project-annotations.crossread.json');
  const content = JSON.parse(fs.readFileSync((await file.path())!, 'utf8')) as { type: string; first: { items: { id: string; creator: { name: string } }[] } };
  expect(content.type).toBe('AnnotationCollection');
  expect(content.first.items.filter((i) => i.creator.name === 'Dana').map((i) => i.id).sort()).toEqual([
    'urn:uuid:6b0d7a52-3f4e-4c1a-9a51-0f6f2c1e0a01',
    'urn:uuid:6b0d7a52-3f4e-4c1a-9a51-0f6f2c1e0a02',
  ]);
});

sampleTest('a malformed annotation file is refused with the place named, and nothing changes', async ({ page }) => {
  const chooser = page.waitForEvent('filechooser');
  await runCommand(page, 'import annotations');
  await (await chooser).setFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"type":"Annotation","target":{"selector":{"type":"TextQuoteSelector"}}}') });
  await expectToast(page, 'broken.json is not a usable annotation file: items[0].target.selector.exact: a TextQuoteSelector needs "exact"');
  await expect(page.getByRole('dialog', { name: /Import annotations from/ })).toHaveCount(0);
  expect(await claimQuotes(page)).toEqual([]);
});
