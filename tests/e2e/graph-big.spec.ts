import fs from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { api, sampleTest } from './app';

/** More claims and links together than the graph keeps as live cytoscape elements (BIG_GRAPH). */
const CLAIMS = 1_100;
const LINKS = 1_000;

interface Made {
  claims: { id: string; exact: string; color: string }[];
  links: number;
  /** Claim id → the claims it is linked with. */
  linked: Map<string, Set<string>>;
}

/**
 * A project with a big claim graph: a claim on each of the first words of the three interviews
 * (in turn) and links between claims far apart in that order, made through the page's own API
 * a few requests at a time, then the page reloaded to read them.
 */
async function bigGraph(page: Page): Promise<Made> {
  const docs = await api<{ id: string }[]>(page, 'documents.list', {});
  const tags = await api<{ id: string; color: string }[]>(page, 'tags.list', {});
  const relations = await api<{ id: string }[]>(page, 'relations.list', {});
  const words: { documentId: string; start: number; end: number }[][] = [];
  for (const d of docs) {
    const { text } = await api<{ text: string }>(page, 'documents.get', { id: d.id });
    words.push([...text.matchAll(/\p{L}{4,}/gu)].map((m) => ({ documentId: d.id, start: m.index, end: m.index + m[0].length })));
  }
  const spans = Array.from({ length: CLAIMS }, (_, i) => words[i % words.length]![Math.floor(i / words.length)]!);
  const claims = await page.evaluate(
    async ({ spans, tagIds }) => {
      const call = async (name: string, body: unknown) => {
        const res = await fetch(`api/${name}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${sessionStorage.getItem('crossread.token')}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
        const out = (await res.json()) as { ok: boolean; value?: { id: string; exact: string }; error?: { message: string } };
        if (!out.ok) throw new Error(`${name}: ${out.error?.message}`);
        return out.value!;
      };
      const made: { id: string; exact: string }[] = [];
      for (let i = 0; i < spans.length; i += 8) {
        const batch = spans.slice(i, i + 8).map((s, j) => call('annotations.create', { ...s, tagIds: [tagIds[(i + j) % tagIds.length]] }));
        made.push(...(await Promise.all(batch)));
      }
      return made;
    },
    { spans, tagIds: tags.map((t) => t.id) },
  );
  const pairs = Array.from({ length: LINKS }, (_, i) => [claims[i]!.id, claims[(i * 7 + 13) % CLAIMS]!.id] as const).filter(([a, b]) => a !== b);
  await page.evaluate(
    async ({ pairs, relationIds }) => {
      for (let i = 0; i < pairs.length; i += 8) {
        await Promise.all(
          pairs.slice(i, i + 8).map(async ([fromId, toId], j) => {
            const res = await fetch('api/links.create', {
              method: 'POST',
              headers: { Authorization: `Bearer ${sessionStorage.getItem('crossread.token')}`, 'Content-Type': 'application/json' },
              body: JSON.stringify({ fromId, toId, relationId: relationIds[(i + j) % relationIds.length] }),
            });
            if (!((await res.json()) as { ok: boolean }).ok) throw new Error('links.create failed');
          }),
        );
      }
    },
    { pairs, relationIds: relations.map((r) => r.id) },
  );
  const linked = new Map<string, Set<string>>();
  for (const [a, b] of pairs) {
    for (const [x, y] of [[a, b], [b, a]] as const) linked.set(x, (linked.get(x) ?? new Set()).add(y));
  }
  await page.reload();
  await expect(page.locator('.pane .source-text')).toHaveCount(3);
  return { claims: claims.map((c, i) => ({ ...c, color: tags[i % tags.length]!.color.toLowerCase() })), links: pairs.length, linked };
}

const canvas = (page: Page) => page.getByRole('application', { name: /Claim graph/ });
const inspectorQuote = (page: Page) => page.getByRole('complementary', { name: 'Claim' }).locator('.inspector-quote');

async function nodeAt(page: Page, id: string): Promise<{ x: number; y: number }> {
  await expect.poll(() => canvas(page).evaluate((el, nodeId) => (el as HTMLElement & { nodeBox?(n: string): unknown }).nodeBox?.(nodeId) ?? null, id)).not.toBeNull();
  return canvas(page).evaluate((el, nodeId) => (el as HTMLElement & { nodeBox(n: string): { x: number; y: number } }).nodeBox(nodeId), id);
}

/** The last drawing mark of `kind` (see markDrawn in GraphCanvas): how many elements cytoscape holds. */
const lastLive = (page: Page, kind: 'shape' | 'classes') =>
  page.evaluate(
    (k) =>
      performance
        .getEntriesByName('crossread:graph-drawn')
        .filter((e) => (e as PerformanceMark).detail.kind === k)
        .map((e) => (e as PerformanceMark).detail.live as number | undefined)
        .at(-1) ?? null,
    kind,
  );

/** The colour painted at a point of the page on the graph's canvases, the topmost non-transparent one. */
const colourAt = (page: Page, at: { x: number; y: number }) =>
  canvas(page).evaluate((el, p) => {
    const layers = [...el.querySelectorAll('canvas')].filter((c) => c.width > 0 && c.getBoundingClientRect().width > 0);
    // cytoscape's own layers are stacked over the pale picture, which comes first in the box.
    for (const c of layers.reverse()) {
      const r = c.getBoundingClientRect();
      const [red, green, blue, alpha] = c.getContext('2d')!.getImageData(Math.round(p.x - r.left), Math.round(p.y - r.top), 1, 1).data;
      if (alpha! > 200) return `#${[red, green, blue].map((v) => v!.toString(16).padStart(2, '0')).join('')}`;
    }
    return null;
  }, at);

sampleTest('a graph of thousands of claims does not make each of them a cytoscape element: a click on a pale claim brings only its neighbourhood forward, and a pale claim can still be dragged', async ({ page }) => {
  // Seeding 2,100 claims and links through the API takes a while on a loaded machine.
  sampleTest.setTimeout(120_000);
  const { claims, links, linked } = await bigGraph(page);
  await page.keyboard.press('Control+Shift+G');
  await expect(canvas(page)).toBeVisible();
  await expect(page.locator('.graph-status')).toHaveText(`${CLAIMS} claims · ${links} links`);
  // Nothing is selected: the whole graph is the pale picture, and cytoscape holds nothing to style.
  await expect.poll(() => lastLive(page, 'shape')).toBe(0);

  // A claim with links, in the middle of the list: pale until clicked.
  const target = claims.find((c, i) => i > CLAIMS / 2 && (linked.get(c.id)?.size ?? 0) >= 2)!;
  const degree = linked.get(target.id)!.size;
  const at = await nodeAt(page, target.id);
  await page.mouse.click(at.x, at.y);
  await expect(page.locator('.graph-focus')).toContainText(`${degree} links`);
  await expect(inspectorQuote(page)).toHaveText(target.exact);

  // Live now: the claim, its linked claims, their links, and the far ends of those claims' links.
  const live = await lastLive(page, 'classes');
  expect(live).toBeGreaterThan(2 * degree);
  expect(live).toBeLessThan(200);
  // The clicked claim is drawn in its tag's colour (the rest is pale), where the view now centres it.
  await expect.poll(async () => colourAt(page, await nodeAt(page, target.id))).toBe(target.color);

  // A pale claim in view (not in the live part) is dragged like any node, and keeps its place.
  const near = new Set([target.id, ...linked.get(target.id)!].flatMap((id) => [id, ...(linked.get(id) ?? [])]));
  const box = (await canvas(page).boundingBox())!;
  const places = await canvas(page).evaluate(
    (el, ids) => ids.map((id) => ({ id, at: (el as HTMLElement & { nodeBox(n: string): { x: number; y: number } | null }).nodeBox(id) })),
    claims.filter((c) => !near.has(c.id)).map((c) => c.id),
  );
  const inside = (p: { x: number; y: number } | null) => p !== null && p.x > box.x + 60 && p.x < box.x + box.width - 60 && p.y > box.y + 60 && p.y < box.y + box.height - 60;
  const pick = places.find((p) => inside(p.at));
  expect(pick).toBeDefined();
  const { id: moved, at: p } = pick as { id: string; at: { x: number; y: number } };
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  await page.mouse.move(p.x + 20, p.y + 15, { steps: 4 });
  await page.mouse.move(p.x + 40, p.y + 30, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => (await api<{ nodeId: string }[]>(page, 'graph.positions', { arrangement: 'document' })).map((p) => p.nodeId)).toEqual([moved]);

  // The PNG has the whole graph, not only the live part: as wide as the graph laid out.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PNG' }).click();
  const png = fs.readFileSync((await (await download).path())!);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect(width * height).toBeGreaterThan(2_000 * 1_000);
});
