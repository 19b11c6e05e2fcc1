import { expect, type Page } from '@playwright/test';
import { claimQuotes, cliJson, expectToast, pane, sampleTest, tagSentence } from './app';
import { K1, K2, KAZPRAVDA } from './sentences';

async function openBackups(page: Page) {
  await page.keyboard.press('Control+k');
  await page.keyboard.type('backups');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Backups' });
  await expect(dialog).toBeVisible();
  return dialog;
}

sampleTest('back up, change the project, restore the backup, then undo the restore from its own backup', async ({ page, sample }) => {
  await tagSentence(page, pane(page, KAZPRAVDA), K1, ['1']);

  let dialog = await openBackups(page);
  await dialog.getByRole('button', { name: 'Back up now' }).click();
  await expectToast(page, 'The project was backed up.');
  const mine = dialog.getByRole('listitem').filter({ hasText: 'made by you' });
  await expect(mine).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Close' }).last().click();

  await tagSentence(page, pane(page, KAZPRAVDA), K2, ['2']);
  await expect.poll(() => claimQuotes(page)).toEqual([K1, K2]);

  dialog = await openBackups(page);
  await dialog.getByRole('listitem').filter({ hasText: 'made by you' }).getByRole('button', { name: /^Restore the copy of / }).click();
  await expect(dialog.getByText(/Replace the project with the copy of .*\? Its current state is backed up first/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await expectToast(page, /Restored the copy of /);
  await expect(page.getByRole('dialog', { name: 'Backups' })).toBeHidden();
  await expect.poll(() => claimQuotes(page)).toEqual([K1]);
  // The file itself holds the restored state (read by the CLI while the app has it open).
  expect(cliJson<{ exact: string }[]>(sample.home, 'annotations', '--project', sample.projectPath).map((a) => a.exact)).toEqual([K1]);

  // The state the restore replaced was backed up first: restoring that copy brings K2 back.
  dialog = await openBackups(page);
  await dialog.getByRole('listitem').filter({ hasText: 'before a restore' }).getByRole('button', { name: /^Restore the copy of / }).click();
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect.poll(() => claimQuotes(page)).toEqual([K1, K2]);
});
