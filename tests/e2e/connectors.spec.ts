import { expect, type Page } from '@playwright/test';
import { pane, sampleTest } from './app';
import { CAR, connectorEnds, KAZ, Q, quoteRect, seedLinks, ZAK, type QuoteKey } from './connectors-seed';

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
  await page.screenshot({ path: '/tmp/shots/connectors/e2e-smoke.png' });
});
