import { expect } from '@playwright/test';
import { sampleTest } from './app';

sampleTest('in browser mode, Import… and the command open the page’s own file picker (no native dialog there)', async ({ page }) => {
  const toolbar = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  const chooser = await toolbar;
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles({ name: 'memo.txt', mimeType: 'text/plain', buffer: Buffer.from('Памятка аналитика о переговорах в Вашингтоне.') });
  await expect(page.getByRole('region', { name: 'Documents' }).getByRole('listitem')).toHaveCount(4);

  const fromPalette = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('import documents');
  await page.keyboard.press('Enter');
  await (await fromPalette).setFiles([]);
});
