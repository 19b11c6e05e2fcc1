import { expect, type Locator, type Page } from '@playwright/test';

/** The competing-hypotheses view, its matrix and the claim browser, as the user finds them. */
export const hypView = (page: Page): Locator => page.getByRole('region', { name: 'Hypotheses' });
export const matrixGrid = (page: Page): Locator => hypView(page).getByRole('grid', { name: 'Competing hypotheses matrix' });
export const claimBrowser = (page: Page): Locator => page.getByRole('region', { name: 'Claims' });

/** Makes an analysis in the open view by typing its question, then each hypothesis. */
export async function startAnalysis(page: Page, question: string, hypotheses: string[]): Promise<void> {
  const details = hypView(page).locator('details.hyp-new');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
  await hypView(page).getByRole('textbox', { name: 'A question to analyse' }).fill(question);
  await page.keyboard.press('Enter');
  await expect(hypView(page).getByRole('combobox', { name: 'Analysis' }).locator('option:checked')).toHaveText(question);
  for (const h of hypotheses) {
    await hypView(page).getByRole('textbox', { name: 'A hypothesis' }).fill(h);
    await page.keyboard.press('Enter');
    await expect(hypView(page).getByRole('textbox', { name: 'A hypothesis' })).toHaveValue('');
  }
}

/** Ctrl+Z with the focus outside any text field, so the app's undo runs rather than a field's own. */
export async function undo(page: Page): Promise<void> {
  await page.locator('.topbar .project-name').click();
  await page.keyboard.press('Control+z');
}
