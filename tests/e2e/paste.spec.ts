import { expect, type Page } from '@playwright/test';
import { pane, sampleTest, tagSentence } from './app';
import { K1, KAZPRAVDA } from './sentences';

const HTML = '<nav>Главная · Мир NAV_MARKER</nav><article><h1>Брифинг МИД</h1><p>Казахстан присоединился к Соглашениям Авраама во вторник.</p><script>window.SCRIPT_MARKER = 1</script><p>Эксперты ждут новых инвестиций.</p></article>';
const TEXT = 'Брифинг МИД\nКазахстан присоединился к Соглашениям Авраама во вторник.\nЭксперты ждут новых инвестиций.';

/** Pastes into the focused box the way the browser does: a paste event carrying the clipboard's HTML and text. */
async function pasteInto(page: Page, selector: string, html: string, text: string): Promise<void> {
  await page.locator(selector).evaluate(
    (el, [h, t]) => {
      const data = new DataTransfer();
      data.setData('text/html', h!);
      data.setData('text/plain', t!);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    [html, text],
  );
}

sampleTest('Ctrl+Shift+V outside a note pastes a web page as a new document with the title, outlet and date the user gives', async ({ page }) => {
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Shift+V');
  const dialog = page.getByRole('dialog', { name: 'Paste as new document' });
  await expect(dialog).toBeVisible();
  await pasteInto(page, '.paste-box', HTML, TEXT);
  await expect(dialog.getByLabel('Text')).toHaveValue(TEXT);
  await expect(dialog.getByText('Pasted from a web page')).toBeVisible();
  await expect(dialog.getByLabel('Title')).toHaveValue('Брифинг МИД');
  await dialog.getByLabel('Outlet').fill('Tengrinews');
  await dialog.getByLabel('Date').fill('2026-03-05');
  await dialog.getByRole('button', { name: 'Add document' }).click();
  await expect(dialog).toBeHidden();

  const doc = pane(page, 'Брифинг МИД');
  await expect(doc.locator('.source-text')).toContainText('Эксперты ждут новых инвестиций.');
  await expect(doc.locator('.source-text')).not.toContainText('NAV_MARKER');
  await expect(doc.locator('.source-text')).not.toContainText('SCRIPT_MARKER');
  await expect(doc).toContainText('Tengrinews');
  await expect(doc).toContainText('2026-03-05');

  // The same text again is refused, and the project keeps one copy.
  await page.keyboard.press('Control+Shift+V');
  await pasteInto(page, '.paste-box', HTML, TEXT);
  await dialog.getByRole('button', { name: 'Add document' }).click();
  await expect(page.locator('.toast.error', { hasText: 'already in the project as «Брифинг МИД»' })).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('region', { name: 'Documents' }).locator('.doc-title', { hasText: 'Брифинг МИД' })).toHaveCount(1);
});

sampleTest('Ctrl+Shift+V inside a note stays the note’s own paste and opens no dialog', async ({ page }) => {
  await tagSentence(page, pane(page, KAZPRAVDA), K1, ['1']);
  await page.locator('.claim-row').first().click();
  const note = page.getByRole('complementary', { name: 'Claim' }).locator('[contenteditable="true"]');
  await note.click();
  await page.keyboard.type('Заметка.');
  await page.keyboard.press('Control+Shift+V');
  await expect(note).toBeFocused();
  await expect(page.getByRole('dialog', { name: 'Paste as new document' })).toHaveCount(0);
});
