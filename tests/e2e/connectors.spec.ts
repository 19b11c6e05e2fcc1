import { expect, type Page } from '@playwright/test';
import { clickInText, pane, sampleTest, tagSentence } from './app';
import { CAR, connectorEnds, KAZ, Q, quotePoint, quoteRect, seedLinks, ZAK, type QuoteKey } from './connectors-seed';

const TOLERANCE = 3;

/** Whether a point lies on a rectangle (its edge included), within a few pixels. */
function onRect(p: { x: number; y: number }, r: { left: number; top: number; right: number; bottom: number }): boolean {
  return p.x >= r.left - TOLERANCE && p.x <= r.right + TOLERANCE && p.y >= r.top - TOLERANCE && p.y <= r.bottom + TOLERANCE;
}

const PANE_OF: Record<QuoteKey, RegExp> = { K1: KAZ, KMID: KAZ, C1: CAR, CMID: CAR, CFAR: CAR, Z1: ZAK, ZMID: ZAK };

/** Checks that the link's connector is drawn and that its two ends sit on the two claims' rectangles. */
async function expectConnectorOnClaims(page: Page, linkId: string, from: QuoteKey, to: QuoteKey): Promise<void> {
  await expect.poll(async () => {
    const ends = await connectorEnds(page, linkId);
    if (!ends) return 'not drawn';
    const a = await quoteRect(pane(page, PANE_OF[from]), Q[from]);
    const b = await quoteRect(pane(page, PANE_OF[to]), Q[to]);
    return onRect(ends.from, a) && onRect(ends.to, b) ? 'on both claims' : `off: ${JSON.stringify({ ends, a, b })}`;
  }).toBe('on both claims');
}

sampleTest('connectors join the on-screen ends of links across three panes, and follow a scroll', async ({ page }) => {
  const { links } = await seedLinks(page);
  const byPair = (from: QuoteKey, to: QuoteKey) => links.find((l) => l.from === from && l.to === to)!.id;
  await expectConnectorOnClaims(page, byPair('K1', 'C1'), 'K1', 'C1');
  await expectConnectorOnClaims(page, byPair('C1', 'Z1'), 'C1', 'Z1');
  await expectConnectorOnClaims(page, byPair('K1', 'Z1'), 'K1', 'Z1');
  // A one-way relation carries an arrow; "same claim" reads both ways and has none.
  await expect(page.locator(`path.connector[data-link-id="${byPair('K1', 'C1')}"]`)).toHaveAttribute('marker-end', /url\(#cr-arrow-/);
  await expect(page.locator(`path.connector[data-link-id="${byPair('K1', 'Z1')}"]`)).not.toHaveAttribute('marker-end', /.*/);

  // Scroll the middle pane a little with the wheel: the connectors move with their claims.
  const before = await connectorEnds(page, byPair('K1', 'C1'));
  const body = pane(page, CAR).locator('.pane-body');
  const box = (await body.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 60);
  await expect.poll(async () => (await connectorEnds(page, byPair('K1', 'C1')))?.to.y).not.toBe(before!.to.y);
  await expectConnectorOnClaims(page, byPair('K1', 'C1'), 'K1', 'C1');
  await expectConnectorOnClaims(page, byPair('C1', 'Z1'), 'C1', 'Z1');

  // Reorder the panes: Kazpravda moves right of Caravan, and the connectors follow at once.
  await pane(page, KAZ).getByRole('button', { name: /^Move .* right/ }).click();
  await expect(page.locator('.pane').nth(1)).toHaveAttribute('aria-label', KAZ);
  await expectConnectorOnClaims(page, byPair('K1', 'C1'), 'K1', 'C1');
  await expectConnectorOnClaims(page, byPair('K1', 'Z1'), 'K1', 'Z1');
  // …and after the window narrows, the panes' new widths are followed too.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectConnectorOnClaims(page, byPair('K1', 'C1'), 'K1', 'C1');
  await expectConnectorOnClaims(page, byPair('C1', 'Z1'), 'C1', 'Z1');
});

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Claim' });

sampleTest('hovering a connector or its claim marks both ends and names the relation; a click shows the link in the inspector', async ({ page }) => {
  const { links } = await seedLinks(page);
  const supports = links.find((l) => l.from === 'K1' && l.to === 'C1')!.id;
  const hit = page.locator(`path.connector-hit[data-link-id="${supports}"]`);
  await hit.hover();
  const tip = page.getByRole('tooltip');
  await expect(tip).toContainText('supports');
  await expect(page.locator(`path.connector[data-link-id="${supports}"]`)).toHaveClass(/is-hot/);
  // Both ends are marked in the text.
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('cr-link-hot')?.size ?? 0)).toBe(2);

  await hit.click();
  await expect(inspector(page).locator('.inspector-quote')).toHaveText(Q.K1);
  const chosen = inspector(page).locator('.link-row.is-chosen');
  await expect(chosen).toHaveCount(1);
  await expect(chosen.locator('.relation')).toHaveText('supports');
  // Selecting a claim that is no end of it lets the link go.
  await clickInText(page, pane(page, ZAK), Q.Z1, 3);
  await expect(inspector(page).locator('.inspector-quote')).toHaveText(Q.Z1);
  await expect(inspector(page).locator('.link-row.is-chosen')).toHaveCount(0);

  // Over the claim's own text: all of its links light up, their relations named.
  await page.mouse.move(0, 0);
  await expect(tip).toBeHidden();
  const k1 = await quotePoint(pane(page, KAZ), Q.K1);
  await page.mouse.move(k1.x, k1.y);
  await expect(tip).toContainText('supports');
  await expect(tip).toContainText('same claim');
  await expect(tip).toContainText('contradicts');
  await expect(page.locator('path.connector.is-hot')).toHaveCount(2);
});

sampleTest('a marker for an end out of view brings it into view, opening its document when it is closed', async ({ page }) => {
  const { links } = await seedLinks(page);
  const far = links.find((l) => l.from === 'K1' && l.to === 'CFAR')!.id;
  // The far claim is at the end of the Caravan article: no connector, a marker pointing down.
  await expect(page.locator(`path.connector[data-link-id="${far}"]`)).toHaveCount(0);
  const marker = page.locator(`.connector-marker[data-link-id="${far}"]`);
  await expect(marker).toHaveAttribute('data-where', 'below');
  await expect(marker).toHaveAttribute('aria-label', 'Linked claim below, contradicts: show it');
  await marker.click();
  await expectConnectorOnClaims(page, far, 'K1', 'CFAR');
  await expect(inspector(page).locator('.inspector-quote')).toHaveText(Q.CFAR);

  // Close the Zakon.kz pane: its links now end in a marker that opens it again.
  const same = links.find((l) => l.from === 'K1' && l.to === 'Z1')!.id;
  await pane(page, ZAK).getByRole('button', { name: /^Close/ }).click();
  await expect(page.locator('.pane')).toHaveCount(2);
  const closed = page.locator(`.connector-marker[data-link-id="${same}"]`);
  await expect(closed).toHaveAttribute('data-where', 'closed');
  await expect(closed).toHaveAttribute('aria-label', /^Linked claim in «Азер Бадамов/);
  await closed.click();
  await expect(page.locator('.pane')).toHaveCount(3);
  await expectConnectorOnClaims(page, same, 'K1', 'Z1');
});

sampleTest('connectors hide and show by key and by the toggle, and the choice survives a reload', async ({ page }) => {
  await seedLinks(page);
  const host = page.locator('.connector-host');
  const toggle = page.getByRole('group', { name: 'Links between panes' }).getByRole('button', { name: 'Links between panes' });
  await expect(page.locator('path.connector[data-link-id]')).toHaveCount(3);
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Control+Shift+L');
  await expect(host).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await page.reload();
  await expect(page.locator('.pane .source-text')).toHaveCount(3);
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(host).toBeHidden();
  await toggle.click();
  await expect(host).toBeVisible();
  await expect(page.locator('path.connector[data-link-id]')).toHaveCount(3);
});

sampleTest('follow links: scrolling one pane brings the linked claim of the other pane level with it', async ({ page }) => {
  await seedLinks(page);
  const kaz = pane(page, KAZ);
  const car = pane(page, CAR);
  const mid = (r: { top: number; bottom: number }) => (r.top + r.bottom) / 2;
  const gap = async () => Math.abs(mid(await quoteRect(kaz, Q.KMID)) - mid(await quoteRect(car, Q.CMID)));
  const overKaz = async () => {
    const box = (await kaz.locator('.pane-body').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    return box;
  };
  const scrollKazTo = async () => {
    const box = await overKaz();
    const target = await quoteRect(kaz, Q.KMID);
    await page.mouse.wheel(0, target.top - (box.y + box.height / 3));
  };
  // Off: the other pane stays where it was.
  await scrollKazTo();
  await expect.poll(async () => (await quoteRect(kaz, Q.KMID)).top).toBeLessThan(600);
  expect(await gap()).toBeGreaterThan(200);

  await page.getByRole('button', { name: 'Follow links' }).click();
  await expect(page.getByRole('button', { name: 'Follow links' })).toHaveAttribute('aria-pressed', 'true');
  await overKaz();
  await page.mouse.wheel(0, -40);
  await expect.poll(gap).toBeLessThan(3);
  await page.mouse.wheel(0, 30);
  await expect.poll(gap).toBeLessThan(3);
});

sampleTest('the coding stripe maps a document’s claims and links, jumps to a claim, and follows new claims live', async ({ page }) => {
  const { claims } = await seedLinks(page);
  const stripe = pane(page, KAZ).locator('.coding-stripe');
  await expect(stripe).toHaveAttribute('aria-label', /2 claims, 4 links/);
  await expect(stripe.locator('.stripe-claim')).toHaveCount(2);
  await expect(stripe.locator('.stripe-link')).toHaveCount(4);
  // A mark lower down the stripe is a claim lower down the text.
  const top = async (id: string) => (await stripe.locator(`.stripe-claim[data-claim-id="${id}"]`).boundingBox())!.y;
  expect(await top(claims.KMID)).toBeGreaterThan(await top(claims.K1));

  await stripe.locator(`.stripe-claim[data-claim-id="${claims.KMID}"]`).click();
  await expect(inspector(page).locator('.inspector-quote')).toHaveText(Q.KMID);
  const body = await pane(page, KAZ).locator('.pane-body').boundingBox();
  const r = await quoteRect(pane(page, KAZ), Q.KMID);
  expect(r.top).toBeGreaterThan(body!.y);
  expect(r.bottom).toBeLessThan(body!.y + body!.height);

  // A claim made now shows on the map at once.
  await tagSentence(page, pane(page, KAZ), 'Ближний Восток сегодня — важное направление для Казахстана.', ['1']);
  await expect(stripe.locator('.stripe-claim')).toHaveCount(3);
});
