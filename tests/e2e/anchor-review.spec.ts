import { expect, type Page } from '@playwright/test';
import { claimQuotes, expectToast, sampleTest } from './app';
import { K1 } from './sentences';

/**
 * A colleague's claim whose quote is found only beside other words than it had: the import does
 * not place it silently but sets it aside for review, showing the best match to accept.
 */
const unsureFile = () =>
  JSON.stringify({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationPage',
    items: [
      {
        id: 'urn:uuid:0c4f5e2a-8d1b-4f7e-9a3c-2b6d1e0f9a11',
        type: 'Annotation',
        motivation: 'tagging',
        creator: { type: 'Person', name: 'Dana' },
        created: '2025-11-20T09:00:00Z',
        body: [{ type: 'TextualBody', purpose: 'tagging', value: 'interfaith' }],
        target: {
          source: 'https://example.org/another-edition',
          selector: { type: 'TextQuoteSelector', exact: K1, prefix: 'Completely different words stood before it ', suffix: ' and other ones after it.' },
        },
      },
    ],
  });

async function importFile(page: Page, name: string, content: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('import annotations');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles({ name, mimeType: 'application/ld+json', buffer: Buffer.from(content) });
}

sampleTest('a quote found only among other words waits for review, and accepting its candidate in the dialog places the claim', async ({ page }) => {
  const before = await claimQuotes(page);
  await importFile(page, 'dana.jsonld', unsureFile());
  const preview = page.getByRole('dialog', { name: 'Import annotations from dana.jsonld' });
  await expect(preview.locator('table', { hasText: 'By author' }).getByRole('row', { name: /Dana/ }).locator('td[data-col="orphans"]')).toHaveText('1');
  await preview.getByRole('button', { name: 'Import' }).click();
  await expectToast(page, 'Imported dana.jsonld. New: 0, updated: 0, orphans: 1, deleted: 0; no conflicts.');
  expect(await claimQuotes(page)).toEqual(before);

  await page.getByRole('button', { name: 'Orphans: 1 · conflicts: 0' }).click();
  const review = page.getByRole('dialog', { name: 'Orphans and conflicts' });
  const candidate = review.locator('.share-candidate');
  await expect(candidate).toContainText(/Best match \(\d+% sure\) in «.*Велизаде.*»:/);
  await expect(candidate.locator('blockquote mark')).toHaveText(K1);
  await candidate.getByRole('button', { name: 'Accept match' }).click();
  await expectToast(page, 'The claim is placed at its best match, with its tags, note and author.');
  await expect(review.getByRole('region', { name: 'Orphans (0)' })).toBeVisible();
  await page.keyboard.press('Escape');

  const row = page.getByRole('region', { name: 'Claims' }).getByRole('listitem').filter({ hasText: K1.slice(0, 40) }).filter({ hasText: 'Dana' });
  await expect(row.locator('.chip')).toHaveText(['interfaith']);
  await expect(page.getByRole('button', { name: /^Orphans: / })).toHaveCount(0);
});
