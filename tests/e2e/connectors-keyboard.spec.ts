/**
 * The connectors reached by keyboard: a key moves focus to the selected claim's connectors, each
 * named by its relation and quotes, ringed when focused; arrows walk them and Enter selects the link.
 */
import { expect, type Page } from '@playwright/test';
import { clickInText, pane, sampleTest } from './app';
import { KAZ, Q, seedLinks } from './connectors-seed';

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Claim' });
const short = (q: string) => (q.length > 60 ? `${q.slice(0, 59).trimEnd()}…` : q);

/** The focused element's accessible name and how its halo is painted. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as SVGElement | null;
    if (!el || !el.matches('path.connector-hit')) return null;
    const style = getComputedStyle(el);
    return { name: el.getAttribute('aria-label'), role: el.getAttribute('role'), linkId: el.dataset.linkId!, stroke: style.stroke, opacity: style.strokeOpacity };
  });

sampleTest('the selected claim’s connectors are reached by keyboard, named, ringed, walked with arrows, and Enter selects the link', async ({ page }) => {
  const { links } = await seedLinks(page);
  await clickInText(page, pane(page, KAZ), Q.K1, 3);
  await expect(inspector(page).locator('.inspector-quote')).toHaveText(Q.K1);
  // Only K1's two on-screen connectors are tab stops; the others stay plain lines.
  await expect(page.locator('path.connector-hit[tabindex="0"]')).toHaveCount(2);
  await expect(page.locator('path.connector-hit[data-link-id]:not([tabindex])')).not.toHaveCount(0);

  await page.keyboard.press('Alt+Shift+L');
  await expect.poll(() => focused(page)).not.toBeNull();
  const supports = `supports: «${short(Q.K1)}» → «${short(Q.C1)}»`;
  const same = `same claim: «${short(Q.K1)}» ↔ «${short(Q.Z1)}»`;
  const first = (await focused(page))!;
  expect(first.role).toBe('button');
  expect([supports, same]).toContain(first.name);
  // The ring: a halo in the accent colour along the focused connector (unfocused ones are transparent).
  expect(first.stroke).toBe('rgb(47, 95, 179)');
  expect(first.opacity).toBe('0.4');
  // Focus marks both ends in the text and names the relation, as hovering does.
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('cr-link-hot')?.size ?? 0)).toBe(2);
  await expect(page.getByRole('tooltip')).toContainText(first.name!.startsWith('supports') ? 'supports' : 'same claim');
  await expect(page.getByRole('tooltip')).toContainText('Enter shows the link in the inspector');

  await page.keyboard.press('ArrowDown');
  const second = (await focused(page))!;
  expect([first.name, second.name].sort()).toEqual([same, supports].sort());
  await page.keyboard.press('ArrowDown');
  expect((await focused(page))!.name).toBe(first.name);
  await page.keyboard.press('ArrowUp');
  expect((await focused(page))!.name).toBe(second.name);

  // Enter selects the focused link in the inspector.
  await page.keyboard.press('Enter');
  const chosen = inspector(page).locator('.link-row.is-chosen');
  await expect(chosen).toHaveCount(1);
  await expect(chosen.locator('.relation')).toHaveText(second.name!.startsWith('supports') ? 'supports' : 'same claim');
  expect(links.some((l) => l.id === second.linkId && l.from === 'K1')).toBe(true);
  // Each connector is drawn in its relation's colour: supports green, same claim violet.
  const drawnIn = (from: string, to: string) => page.locator(`path.connector[data-link-id="${links.find((l) => l.from === from && l.to === to)!.id}"]`);
  await expect(drawnIn('K1', 'C1')).toHaveAttribute('stroke', '#2f9e44');
  await expect(drawnIn('K1', 'Z1')).toHaveAttribute('stroke', '#7048e8');
  // The accessible name is what a screen reader finds.
  await expect(page.getByRole('button', { name: supports })).toHaveCount(1);
});

sampleTest('the key says so when the selected claim has no connector on screen', async ({ page }) => {
  await seedLinks(page);
  await clickInText(page, pane(page, KAZ), Q.K1, 3);
  await page.keyboard.press('Shift+Control+L');
  await expect(page.locator('path.connector-hit[data-link-id]')).toHaveCount(0);
  await page.keyboard.press('Alt+Shift+L');
  await expect(page.getByText('No link of the selected claim is drawn between the panes on screen.')).toBeVisible();
});
