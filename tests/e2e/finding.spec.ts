import { expect, type Locator, type Page } from '@playwright/test';
import { api, clickInText, expectToast, pane, sampleTest, tagSentence } from './app';
import { CARAVAN, KAZPRAVDA, K1, ZAKON } from './sentences';

/** The sentence of the Caravan interview that names Iran's critics ("в Иране"). */
const IRAN_CRITICS = 'Конечно, будут и критики такой политики, прежде всего, в Иране.';

interface Claim {
  id: string;
  documentId: string;
  start: number;
  end: number;
  exact: string;
  tagIds: string[];
}
interface Hit {
  kind: 'document' | 'note';
  documentId: string;
  start: number;
  end: number;
}

const searchPanel = (page: Page): Locator => page.getByRole('region', { name: 'Search' });
const claimsStatus = (page: Page): Locator => page.getByRole('region', { name: 'Claims' }).getByRole('status');
const popover = (page: Page): Locator => page.getByRole('dialog', { name: 'Tag this claim' });

async function searchFor(page: Page, q: string): Promise<Locator> {
  await page.getByRole('tab', { name: 'Search' }).click();
  const panel = searchPanel(page);
  await panel.getByRole('searchbox', { name: 'Search documents and notes' }).fill(q);
  await expect(panel.getByRole('status')).toContainText('hit');
  return panel;
}

/** The result whose highlighted match is exactly `match`. */
const hitButton = (panel: Locator, match: string): Locator => panel.locator('li button').filter({ has: panel.page().locator('mark', { hasText: new RegExp(`^${match}$`) }) });

/** The text under the search-hit highlight, range by range. */
const markedHit = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const h = CSS.highlights.get('cr-search-hit');
    return h ? [...(h as unknown as Set<Range>)].map((r) => r.toString()) : [];
  });

/** Whether the marked hit lies inside the visible part of its pane. */
const markInView = (page: Page): Promise<boolean> =>
  page.evaluate(() => {
    const [range] = [...(CSS.highlights.get('cr-search-hit') as unknown as Set<Range>)];
    const body = range!.startContainer.parentElement!.closest('.pane-body')!.getBoundingClientRect();
    const r = range!.getBoundingClientRect();
    return r.height > 0 && r.top >= body.top && r.bottom <= body.bottom;
  });

sampleTest('a search hit opened from the list stays marked in its pane until the next click', async ({ page }) => {
  // Its document is not open: the pane opens at the hit, not at its remembered place.
  await pane(page, CARAVAN).getByRole('button', { name: /^Close / }).click();
  await expect(pane(page, CARAVAN)).toHaveCount(0);
  const panel = await searchFor(page, 'Иран');
  await hitButton(panel, 'Иране').click();
  await expect.poll(() => markedHit(page)).toEqual(['Иране']);
  await expect.poll(() => markInView(page)).toBe(true);
  // The short flash passes; the mark stays.
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('cr-flash'))).toBe(false);
  expect(await markedHit(page)).toEqual(['Иране']);
  const inCaravan = await page.evaluate(() => {
    const [range] = [...(CSS.highlights.get('cr-search-hit') as unknown as Set<Range>)];
    return range!.startContainer.parentElement!.closest('[role="region"]')!.getAttribute('aria-label');
  });
  expect(inCaravan).toMatch(CARAVAN);

  // The next hit clicked takes the mark over.
  await hitButton(panel, 'Ирану').click();
  await expect.poll(() => markedHit(page)).toEqual(['Ирану']);
  await expect.poll(() => markInView(page)).toBe(true);
  // A click anywhere else ends it.
  await clickInText(page, pane(page, ZAKON), 'Казахстан демонстрирует');
  await expect.poll(() => markedHit(page)).toEqual([]);
});

sampleTest('the claim filter finds «инвестиция» in every claim that search finds it in, not only the exact spelling', async ({ page }) => {
  // A claim without the word, then the sentences with any form of it, coded through the search panel.
  await tagSentence(page, pane(page, KAZPRAVDA), K1, ['3']);
  const panel = await searchFor(page, 'инвестиция');
  await panel.getByRole('combobox', { name: 'Tag for all hits…' }).selectOption({ label: 'economic' });
  await panel.getByRole('combobox', { name: 'Claim' }).selectOption({ label: 'its sentence' });
  await panel.getByRole('button', { name: /^Tag all \d+ hits$/ }).click();
  await expectToast(page, /^Auto-coded: \d+ new claims/);

  const claims = await api<Claim[]>(page, 'annotations.list', {});
  const { hits } = await api<{ hits: Hit[] }>(page, 'search.query', { q: 'инвестиция', limit: 1000 });
  const found = claims.filter((c) => hits.some((h) => h.kind === 'document' && h.documentId === c.documentId && c.start <= h.start && h.end <= c.end));
  expect(found.length).toBeGreaterThan(3);
  // Only one of them holds the letters «инвестиция» as typed: a substring filter would find that one.
  expect(found.filter((c) => c.exact.toLowerCase().includes('инвестиция')).length).toBeLessThan(found.length);

  await page.getByRole('tab', { name: 'Claims' }).click();
  await page.getByRole('searchbox', { name: 'Search claims' }).fill('инвестиция');
  await expect(claimsStatus(page)).toHaveText(`${found.length} of ${claims.length} claims`);
  await page.getByRole('searchbox', { name: 'Search claims' }).fill('ИНВЕСТИЦИЯХ');
  await expect(claimsStatus(page)).toHaveText(`${found.length} of ${claims.length} claims`);
});

sampleTest('«Tag all hits» for «Иран» by sentence codes whole sentences and makes no claim inside one that already has the tag', async ({ page }) => {
  await tagSentence(page, pane(page, CARAVAN), IRAN_CRITICS, ['2']);
  const panel = await searchFor(page, 'Иран');
  await panel.getByRole('combobox', { name: 'Tag for all hits…' }).selectOption({ label: 'security' });
  await panel.getByRole('combobox', { name: 'Claim' }).selectOption({ label: 'its sentence' });
  await panel.getByRole('button', { name: 'Tag all 3 hits' }).click();
  await expectToast(page, 'Auto-coded: 2 new claims, 0 existing claims tagged; 1 passage already had the tag.');

  const claims = await api<Claim[]>(page, 'annotations.list', {});
  const manual = claims.find((c) => c.exact === IRAN_CRITICS)!;
  expect(claims).toHaveLength(3);
  for (const c of claims) {
    if (c.id === manual.id) continue;
    expect(c.documentId === manual.documentId && manual.start <= c.start && c.end <= manual.end).toBe(false);
    // A sentence, not the bare word.
    expect(c.exact).toMatch(/^[А-ЯЁ–-].*[.!?…]$/su);
    expect(c.exact).toMatch(/Иран/u);
    expect(c.tagIds).toHaveLength(1);
  }
  expect(claims.map((c) => c.exact)).not.toContain('Иран');
  expect(claims.map((c) => c.exact)).not.toContain('Ирану');
});

sampleTest('selecting only whitespace opens no popover, and Enter then saves nothing', async ({ page }) => {
  const caravan = pane(page, CARAVAN);
  // Drag from just past the end of one paragraph to the start of the next: only the line break is selected.
  const ends = await caravan.evaluate((el, needle) => {
    const paragraphs = [...el.querySelectorAll<HTMLElement>('.source-text > p')];
    const i = paragraphs.findIndex((p) => p.textContent!.includes(needle));
    const edge = (p: HTMLElement, last: boolean) => {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const nodes: Node[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
      const node = last ? nodes.at(-1)! : nodes[0]!;
      const r = document.createRange();
      const at = last ? node.textContent!.length - 1 : 0;
      r.setStart(node, at);
      r.setEnd(node, at + 1);
      return r.getBoundingClientRect();
    };
    paragraphs[i]!.scrollIntoView({ block: 'center' });
    const a = edge(paragraphs[i]!, true);
    const b = edge(paragraphs[i + 1]!, false);
    return { from: { x: a.right + 1, y: a.top + a.height / 2 }, to: { x: b.left + 1, y: b.top + b.height / 2 } };
  }, IRAN_CRITICS);
  await page.mouse.move(ends.from.x, ends.from.y);
  await page.mouse.down();
  await page.mouse.move(ends.to.x, ends.to.y, { steps: 4 });
  await page.mouse.up();
  const selected = await page.evaluate(() => window.getSelection()!.toString());
  expect(selected.length).toBeGreaterThan(0);
  expect(selected.trim()).toBe('');
  await expect(popover(page)).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(popover(page)).toBeHidden();
  await expect(page.locator('.toast')).toHaveCount(0);
  expect(await api<Claim[]>(page, 'annotations.list', {})).toEqual([]);

  // A sloppy selection with spaces around words opens the popover for the words alone.
  await page.evaluate(() => {
    const root = [...document.querySelectorAll('.pane')].find((p) => /Казанцев/.test(p.getAttribute('aria-label') ?? ''))!;
    const walker = document.createTreeWalker(root.querySelector('.source-text')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent!.indexOf(' критики такой ');
      if (at < 0) continue;
      const r = document.createRange();
      r.setStart(n, at);
      r.setEnd(n, at + ' критики такой '.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(r);
      return;
    }
  });
  await caravan.locator('.source-text').focus();
  await page.keyboard.press('Enter');
  await expect(popover(page)).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(popover(page)).toBeHidden();
  await expect.poll(async () => (await api<Claim[]>(page, 'annotations.list', {})).map((c) => c.exact)).toEqual(['критики такой']);
});

sampleTest('the Link types dialog lines up its rows and shows its placeholders whole, in English and in Russian', async ({ page }) => {
  const check = async (names: { tags: string; relations: string; title: string; supports: string; placeholders: string[] }) => {
    await page.getByRole('button', { name: names.tags, exact: true }).click();
    await page.getByRole('dialog', { name: names.tags }).getByRole('button', { name: names.relations }).click();
    const dialog = page.getByRole('dialog', { name: names.title });
    await expect(dialog.locator('.relation-rows li > input').first()).toHaveValue(names.supports);
    const columns = await dialog.evaluate((el) => {
      const boxes = (sel: string) => [...el.querySelectorAll<HTMLElement>(sel)].map((e) => e.getBoundingClientRect()).map((r) => [Math.round(r.left), Math.round(r.width)]);
      return { names: boxes('.relation-rows li > input:nth-of-type(1), .relation-add > input:nth-of-type(1)'), inverses: boxes('.relation-rows li > input:nth-of-type(2), .relation-add > input:nth-of-type(2)') };
    });
    expect(columns.names).toHaveLength(5);
    expect(new Set(columns.names.map(String)).size).toBe(1);
    expect(new Set(columns.inverses.map(String)).size).toBe(1);
    // Each placeholder fits its box: measured in the input's own font against its inner width.
    const fits = await dialog.locator('.relation-add input[placeholder]').evaluateAll((inputs) =>
      (inputs as HTMLInputElement[]).map((input) => {
        const style = getComputedStyle(input);
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = `${style.fontSize} ${style.fontFamily}`;
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return { text: input.placeholder, fits: ctx.measureText(input.placeholder).width <= room };
      }),
    );
    expect(fits).toEqual(names.placeholders.map((text) => ({ text, fits: true })));
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  };
  await check({ tags: 'Tags', relations: 'Link types…', title: 'Link types', supports: 'supports', placeholders: ['e.g. causes', 'e.g. is caused by'] });
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog', { name: 'Settings' }).getByLabel('Language').selectOption({ label: 'Русский' });
  await page.keyboard.press('Escape');
  await check({ tags: 'Теги', relations: 'Типы связей…', title: 'Типы связей', supports: 'подтверждает', placeholders: ['например, вызывает', 'например, вызвано'] });
});

sampleTest('the dossier summary’s text is drawn in the body colour, not the placeholder grey', async ({ page }) => {
  await page.getByRole('button', { name: 'Export…' }).click();
  const editor = page.getByRole('dialog', { name: 'Export dossier' }).getByRole('textbox', { name: 'Dossier summary' });
  await editor.click();
  await page.keyboard.type('Три интервью сходятся в оценке сделок.');
  const look = await editor.evaluate((el) => {
    const text = [...el.querySelectorAll('span')].find((s) => s.textContent?.includes('Три интервью'))!;
    const of = (e: Element) => ({ color: getComputedStyle(e).color, size: getComputedStyle(e).fontSize });
    return { text: of(text), body: of(el), caption: of(el.closest('.field')!.querySelector(':scope > span')!) };
  });
  expect(look.text).toEqual(look.body);
  expect(look.text.color).not.toBe(look.caption.color);
});

sampleTest.describe('on a 13-inch laptop (1280×800)', () => {
  sampleTest.use({ viewport: { width: 1280, height: 800 } });

  sampleTest('opening Filters in the claim browser leaves the results list usable', async ({ page }) => {
    const docs = await api<{ id: string; length: number }[]>(page, 'documents.list', {});
    for (const [i, d] of docs.entries()) {
      for (let k = 0; k < 3; k++) await api(page, 'annotations.create', { documentId: d.id, start: 400 * (k + 1) + i, end: 400 * (k + 1) + i + 60, tagIds: [] });
    }
    await page.reload();
    await expect(claimsStatus(page)).toHaveText('9 of 9 claims');
    const browser = page.getByRole('region', { name: 'Claims' });
    await browser.getByRole('button', { name: /^Filters/ }).click();
    await expect(browser.getByRole('button', { name: 'economic', exact: true })).toBeVisible();
    const boxes = await browser.evaluate((el) => {
      const box = (sel: string) => el.querySelector(sel)!.getBoundingClientRect();
      return { browser: el.getBoundingClientRect(), list: box('.vlist'), firstRow: box('.vlist-row') };
    });
    // At least a whole row of results and a third of the browser, inside the window.
    expect(boxes.list.height).toBeGreaterThanOrEqual(boxes.firstRow.height);
    expect(boxes.list.height).toBeGreaterThanOrEqual(boxes.browser.height / 3);
    expect(boxes.list.bottom).toBeLessThanOrEqual(800);
    // The panel itself scrolls to its last filter.
    const links = browser.getByRole('combobox', { name: 'Links' });
    await links.scrollIntoViewIfNeeded();
    await links.selectOption('unlinked');
    await expect(claimsStatus(page)).toHaveText('9 of 9 claims');
  });

  sampleTest('the Russian interface names built-in relations in Russian, and fits «Показано 11 из 11» with «Сбросить фильтры» on one line', async ({ page }) => {
    const annotations: Claim[] = [];
    const docs = await api<{ id: string }[]>(page, 'documents.list', {});
    for (let k = 0; k < 11; k++) annotations.push(await api<Claim>(page, 'annotations.create', { documentId: docs[k % 3]!.id, start: 300 + 100 * k, end: 340 + 100 * k, tagIds: [] }));
    const relations = await api<{ id: string; builtin: string | null }[]>(page, 'relations.list', {});
    const contradicts = relations.find((r) => r.builtin === 'contradicts')!;
    const supports = relations.find((r) => r.builtin === 'supports')!;
    await api(page, 'links.create', { fromId: annotations[0]!.id, toId: annotations[1]!.id, relationId: contradicts.id });
    await api(page, 'links.create', { fromId: annotations[2]!.id, toId: annotations[0]!.id, relationId: supports.id });
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('dialog', { name: 'Settings' }).getByLabel('Language').selectOption({ label: 'Русский' });
    await page.keyboard.press('Escape');
    await page.reload();

    const browser = page.getByRole('region', { name: 'Утверждения' });
    const status = browser.getByRole('status');
    await expect(status).toHaveText('Показано 11 из 11');
    const clear = browser.getByRole('button', { name: 'Сбросить фильтры' });
    const line = await browser.evaluate((el) => {
      const s = el.querySelector<HTMLElement>('[role="status"]')!;
      const b = el.querySelector<HTMLElement>('.browser-status button')!;
      const one = (e: HTMLElement) => e.getBoundingClientRect().height < parseFloat(getComputedStyle(e).fontSize) * 2.2;
      return { sameRow: Math.abs(s.getBoundingClientRect().top - b.getBoundingClientRect().top) < 8, whole: s.scrollWidth <= s.clientWidth, oneLine: one(s) && one(b) };
    });
    expect(line).toEqual({ sameRow: true, whole: true, oneLine: true });
    await expect(clear).toBeVisible();

    await browser.locator('.vlist-row').first().getByRole('button').first().click();
    const inspector = page.getByRole('complementary', { name: 'Утверждение' });
    await expect(inspector.locator('.link-row .relation')).toHaveText(['противоречит', 'подтверждается']);
    await expect(inspector.getByRole('combobox', { name: 'Тип связи' }).first().locator('option')).toHaveText([
      'подтверждает',
      'противоречит',
      'развивает',
      'то же утверждение',
    ]);
    await expect(inspector).not.toContainText(/contradicts|supports/i);
  });
});
