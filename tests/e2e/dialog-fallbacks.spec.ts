import { expect, test } from '@playwright/test';
import path from 'node:path';
import { sampleTest, startApp, tempHome } from './app';

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

test('in browser mode, New project… suggests a file in the app folder, and what the analyst types replaces it', async ({ page }) => {
  const { home, dir } = tempHome();
  const app = await startApp(home);
  try {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'New project…' }).click();
    const field = page.getByRole('dialog', { name: 'New project' }).getByLabel('Project file');
    // Suggested before the dialog shows, so it can never be appended to the analyst's typing.
    await expect(field).toHaveValue(path.join(home, 'Research.crossread'));
    await expect(field).toBeFocused();
    await field.fill(path.join(dir, 'Typed.crossread'));
    await page.getByRole('button', { name: 'Create' }).click();
    await expect(page.locator('.project-name')).toHaveText('Typed');
  } finally {
    await app.stop();
  }
});
