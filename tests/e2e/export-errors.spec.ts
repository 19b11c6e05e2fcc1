import { expect, test, type Page } from '@playwright/test';
import { startApp, tempHome } from './app';

const exportDialog = (page: Page) => page.getByRole('dialog', { name: 'Export dossier' });

test('a PDF export with no Chromium available says so in the dialog and keeps it open', async ({ page }) => {
  const { home } = tempHome();
  // The server inherits this: it stands for a machine where the configured Chromium is missing.
  const saved = process.env.CROSSREAD_CHROMIUM;
  process.env.CROSSREAD_CHROMIUM = '/nonexistent/chromium';
  const app = await startApp(home);
  if (saved === undefined) delete process.env.CROSSREAD_CHROMIUM;
  else process.env.CROSSREAD_CHROMIUM = saved;
  try {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Open sample project' }).click();
    await expect(page.locator('.pane .source-text')).toHaveCount(3);
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = exportDialog(page);
    await dialog.getByRole('radio', { name: 'PDF' }).check();
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText(
      'The dossier could not be exported: PDF export needs Chromium, but CROSSREAD_CHROMIUM points to /nonexistent/chromium, which does not exist.',
    );
    await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toBeEnabled();
  } finally {
    await app.stop();
  }
});
