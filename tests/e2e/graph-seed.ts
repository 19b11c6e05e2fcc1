/** The claim graph's e2e seed and the ways a test reads the drawing (shared by the graph specs). */
import { expect, type Page } from '@playwright/test';
import { api } from './app';

export const K = 'были заключены сделки на сумму более 17 млрд долларов';
export const C = 'стороны подписали коммерческие соглашения более чем на 17 млрд долларов';
export const Z1 = 'Казахстан выступил с такой четкой позицией на высшем уровне';
export const Z2 = 'Казахстан давно и плотно работает с арабским миром';
export const KAZ = /Велизаде/;

export interface Claim {
  id: string;
  exact: string;
}

/** Makes a claim on `phrase` (found in whichever interview has it) under `tagName`, through the API. */
export async function makeClaim(page: Page, phrase: string, tagName: string): Promise<Claim> {
  const docs = await api<{ id: string; title: string }[]>(page, 'documents.list', {});
  const tags = await api<{ id: string; name: string }[]>(page, 'tags.list', {});
  const tag = tags.find((t) => t.name === tagName)!.id;
  for (const d of docs) {
    const { text } = await api<{ text: string }>(page, 'documents.get', { id: d.id });
    const at = text.indexOf(phrase);
    if (at >= 0) return api<Claim>(page, 'annotations.create', { documentId: d.id, start: at, end: at + phrase.length, tagIds: [tag] });
  }
  throw new Error(`not in the corpus: ${phrase}`);
}

/** Links two claims by a built-in relation (supports, contradicts, elaborates, same-claim), through the API. */
export async function linkClaims(page: Page, from: Claim, to: Claim, builtin: string): Promise<void> {
  const relations = await api<{ id: string; builtin: string | null }[]>(page, 'relations.list', {});
  await api(page, 'links.create', { fromId: from.id, toId: to.id, relationId: relations.find((r) => r.builtin === builtin)!.id });
}

/** Reloads the page to read what the API made, and waits for the three panes. */
export async function reloadPanes(page: Page): Promise<void> {
  await page.reload();
  await expect(page.locator('.pane .source-text')).toHaveCount(3);
}

/**
 * Four claims over the three interviews and four links, made through the API (the graph specs are
 * about the graph, not about linking): K supports C, K contradicts Z1, C is the same claim as Z2,
 * Z1 elaborates Z2. The page is reloaded to read them.
 */
export async function linkedClaims(page: Page): Promise<Record<'K' | 'C' | 'Z1' | 'Z2', Claim>> {
  const claims = { K: await makeClaim(page, K, 'economic'), C: await makeClaim(page, C, 'economic'), Z1: await makeClaim(page, Z1, 'security'), Z2: await makeClaim(page, Z2, 'interfaith') };
  await linkClaims(page, claims.K, claims.C, 'supports');
  await linkClaims(page, claims.K, claims.Z1, 'contradicts');
  await linkClaims(page, claims.C, claims.Z2, 'same-claim');
  await linkClaims(page, claims.Z1, claims.Z2, 'elaborates');
  await reloadPanes(page);
  return claims;
}

export const canvas = (page: Page) => page.getByRole('application', { name: /Claim graph/ });
export const inspectorQuote = (page: Page) => page.getByRole('complementary', { name: 'Claim' }).locator('.inspector-quote');
export const focusLine = (page: Page) => page.locator('.graph-focus');
export const status = (page: Page) => page.locator('.graph-status');

/** Where a node is drawn now (the canvas reports it; the drawing itself is pixels). */
export async function nodeAt(page: Page, id: string): Promise<{ x: number; y: number }> {
  await expect.poll(() => canvas(page).evaluate((el, nodeId) => (el as HTMLElement & { nodeBox?(n: string): unknown }).nodeBox?.(nodeId) ?? null, id)).not.toBeNull();
  return canvas(page).evaluate((el, nodeId) => (el as HTMLElement & { nodeBox(n: string): { x: number; y: number } }).nodeBox(nodeId), id);
}

export async function openGraph(page: Page): Promise<void> {
  await page.keyboard.press('Control+Shift+G');
  await expect(page.getByRole('tab', { name: 'Graph', selected: true })).toBeVisible();
  await expect(canvas(page)).toBeVisible();
}


/** How the canvas draws a node now: faded or not, and the caption of its group box (null: not drawn). */
export async function nodeState(page: Page, id: string): Promise<{ faded: boolean; group: string | null } | null> {
  return canvas(page).evaluate((el, nodeId) => (el as HTMLElement & { nodeState(n: string): { faded: boolean; group: string | null } | null }).nodeState(nodeId), id);
}

/** Which of `claims` the canvas draws faded, by name. */
export async function fadedOf(page: Page, claims: Record<string, Claim>): Promise<string[]> {
  const out: string[] = [];
  for (const [name, c] of Object.entries(claims)) if ((await nodeState(page, c.id))?.faded) out.push(name);
  return out.sort();
}
