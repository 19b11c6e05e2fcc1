/**
 * A long document's claims are registered as highlights near the pane's view only. Chromium
 * checks every registered highlight range again after any change to the page, anywhere: with all
 * of a long document's claims registered, every frame that changed anything (typing a note, rating
 * a hypothesis, the graph's fading) paid for each claim.
 */
import { expect, type Page } from '@playwright/test';
import { api, pane, paintedRangeCount, sampleTest } from './app';

const PARAGRAPHS = 400;
const line = (i: number) => `Paragraph ${i} states claim number ${i} about the corridor and its financing.`;

/** The quotes of the claim ranges registered now, in every tag's highlight. */
const registeredQuotes = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    for (const [name, h] of CSS.highlights) if (name.startsWith('cr-t') || name.startsWith('cr-none')) for (const r of h as unknown as Set<Range>) out.push(r.toString());
    return out;
  });

sampleTest('a long document registers only the claims near its view, and the ones scrolled to are painted', async ({ page }) => {
  const text = Array.from({ length: PARAGRAPHS }, (_, i) => line(i + 1)).join('\n\n');
  const doc = await api<{ id: string }>(page, 'documents.paste', { text, title: 'Long record' });
  const tags = await api<{ id: string }[]>(page, 'tags.list', {});
  let at = 0;
  for (let i = 1; i <= PARAGRAPHS; i++) {
    const start = text.indexOf(`claim number ${i} `, at);
    const end = start + `claim number ${i}`.length;
    at = end;
    await api(page, 'annotations.create', { documentId: doc.id, start, end, tagIds: [tags[i % tags.length]!.id] });
  }
  await page.reload();
  await page.getByRole('button', { name: /Long record/ }).first().click();
  const long = pane(page, 'Long record');
  await expect(long.locator('.source-text')).toContainText(line(PARAGRAPHS));

  // The first screens' claims are painted; nowhere near all 400 are registered.
  await expect.poll(() => registeredQuotes(page)).toContain('claim number 1');
  const registered = await paintedRangeCount(page);
  const samplePanes = 3 * 40; // the three interviews' own claims, at most
  expect(registered).toBeLessThan(PARAGRAPHS / 2 + samplePanes);
  expect(await registeredQuotes(page)).not.toContain(`claim number ${PARAGRAPHS}`);

  // Scrolled to the end: the last claims are painted, the first ones no longer registered.
  await long.locator('.pane-body').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect.poll(() => registeredQuotes(page)).toContain(`claim number ${PARAGRAPHS}`);
  expect(await registeredQuotes(page)).not.toContain('claim number 1');

  // Scrolled back step by step, a screen at a time: whatever is on screen is always painted.
  const body = long.locator('.pane-body');
  for (let step = 0; step < 6; step++) {
    await body.evaluate((el) => (el.scrollTop -= el.clientHeight));
    const shown = await body.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const mid = [...el.querySelectorAll('.source-text > *')].find((p) => {
        const r = p.getBoundingClientRect();
        return r.top > box.top + box.height / 3 && r.bottom < box.bottom;
      });
      return /claim number \d+/.exec(mid?.textContent ?? '')?.[0] ?? null;
    });
    expect(shown).not.toBeNull();
    await expect.poll(() => registeredQuotes(page)).toContain(shown!);
  }
});
