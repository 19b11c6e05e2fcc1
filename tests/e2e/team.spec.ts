/**
 * Live team work in two browser pages on two projects: both connect through Share live…, a claim
 * made in page A appears in page B, the connection state is always visible, and each sees the other online.
 */
import { expect, test, type Page } from '@playwright/test';
import { claimQuotes, clickInText, pane, startApp, tagSentence, tempHome, type RunningApp } from './app';
import { K1, KAZPRAVDA } from './sentences';
import { startTestTeamServer, type TestTeamServer } from '../support/team-server';

let server: TestTeamServer;
const apps: RunningApp[] = [];

test.beforeEach(async () => {
  server = await startTestTeamServer();
});
test.afterEach(async () => {
  for (const a of apps.splice(0)) await a.stop();
  await server.dispose();
});

async function openSample(page: Page): Promise<void> {
  const { home } = tempHome();
  const app = await startApp(home);
  apps.push(app);
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Open sample project' }).click();
  await expect(page.locator('.pane .source-text')).toHaveCount(3);
}

/** File → Share live…, through the command palette. */
async function openShareLive(page: Page) {
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog', { name: 'Commands' })).toBeVisible();
  await page.keyboard.type('share live');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Share live' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function shareLive(page: Page, token: string): Promise<void> {
  const dialog = await openShareLive(page);
  await dialog.getByLabel('Server address').fill(server.url);
  await dialog.getByLabel('Your token').fill(token);
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog.getByTestId('team-state')).toHaveText('Synced');
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(dialog).toBeHidden();
}

test('a claim made in one page appears in a colleague’s page on another project, with the connection state and who is online shown', async ({ browser }) => {
  const pageA = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const pageB = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await openSample(pageA);
  await openSample(pageB);

  // A wrong token is refused, clearly, and nothing is connected.
  const dialogB = await openShareLive(pageB);
  await dialogB.getByLabel('Server address').fill('http://example.org');
  await dialogB.getByLabel('Your token').fill('crt1.kzteam.boris.wrongwrongwrong');
  await dialogB.getByRole('button', { name: 'Connect' }).click();
  await expect(dialogB.getByRole('alert')).toContainText('must start with ws:// or wss://');
  await dialogB.getByLabel('Server address').fill(server.url);
  await dialogB.getByRole('button', { name: 'Connect' }).click();
  await expect(dialogB.getByRole('alert')).toContainText('refused this token');
  await dialogB.getByRole('button', { name: 'Close' }).last().click();

  await shareLive(pageA, server.issueToken('kzteam', 'aliya'));
  await shareLive(pageB, server.issueToken('kzteam', 'boris'));
  await expect(pageA.locator('.team-pill [data-testid="team-state"]')).toHaveText('Synced');
  await expect(pageA.getByTestId('team-peers')).toHaveCount(1);

  await tagSentence(pageA, pane(pageA, KAZPRAVDA), K1, ['1']);
  await expect.poll(async () => (await claimQuotes(pageB)).some((q) => K1.startsWith(q.replace(/…$/, '')))).toBe(true);
  await expect(pageB.locator('.team-pill [data-testid="team-state"]')).toHaveText('Synced');
});

const noteOf = (page: Page) => page.getByRole('complementary', { name: 'Claim' }).getByRole('textbox', { name: 'Note on this claim' });

test('two analysts write in the same claim’s note: each page shows both their words, and the open note in the other page loads them', async ({ browser }) => {
  const pageA = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const pageB = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await openSample(pageA);
  await openSample(pageB);
  await shareLive(pageA, server.issueToken('kzteam', 'aliya'));
  await shareLive(pageB, server.issueToken('kzteam', 'boris'));

  await tagSentence(pageA, pane(pageA, KAZPRAVDA), K1, ['1']);
  await expect.poll(async () => (await claimQuotes(pageB)).length).toBe(1);
  await clickInText(pageB, pane(pageB, KAZPRAVDA), K1, 3);
  await expect(noteOf(pageB)).toBeVisible();

  // Aliya writes the first line of the note; Boris has the note open, not being in it: it loads her words.
  await noteOf(pageA).click();
  await pageA.keyboard.type('Визит в Вашингтон.');
  await pageA.keyboard.press('Enter');
  await pageA.keyboard.type('Экономика.');
  await noteOf(pageA).blur();
  await expect(noteOf(pageB)).toHaveText(/Визит в Вашингтон\.\s*Экономика\./, { timeout: 15_000 });

  // Both add to it at once, each in their own line.
  await noteOf(pageA).getByText('Визит в Вашингтон.').click();
  await pageA.keyboard.press('End');
  await pageA.keyboard.type(' Ноябрь.');
  await noteOf(pageB).getByText('Экономика.').click();
  await pageB.keyboard.press('End');
  await pageB.keyboard.type(' 17 млрд.');
  await noteOf(pageA).blur();
  await noteOf(pageB).blur();
  for (const page of [pageA, pageB]) {
    await expect(noteOf(page)).toHaveText(/Визит в Вашингтон\. Ноябрь\.\s*Экономика\. 17 млрд\./, { timeout: 15_000 });
  }
});
