import { expect, type Locator, type Page } from '@playwright/test';
import { api } from './app';

/** Claims across the three corpus articles, by a quote each, and links between them. */
export const Q = {
  K1: 'Важным итогом визита стало решение о присоединении Казахстана к Соглашениям Авраама.',
  KMID: 'Казахстан как транспортный хаб срединной части Евразии',
  C1: 'стороны подписали коммерческие соглашения более чем на 17 млрд долларов.',
  CMID: 'Заявление Дональда Трампа о готовности посетить Казахстан имеет серьёзное символическое значение.',
  CFAR: 'Поддержку Казахстана идей Соглашений Авраама вполне можно рассматривать как стратегический шаг',
  Z1: 'Казахстан демонстрирует осторожный, но принципиальный курс на Ближнем Востоке',
  ZMID: 'Это и есть реальный прагматизм.',
} as const;
export type QuoteKey = keyof typeof Q;

export const KAZ = /Велизаде/;
export const CAR = /Казанцев/;
export const ZAK = /Бадамов/;

const DOC_OF: Record<QuoteKey, RegExp> = { K1: KAZ, KMID: KAZ, C1: CAR, CMID: CAR, CFAR: CAR, Z1: ZAK, ZMID: ZAK };

/** Links as [from, relation, to]; the relation by its built-in key. */
export const LINKS: readonly [QuoteKey, string, QuoteKey][] = [
  ['K1', 'supports', 'C1'],
  ['C1', 'elaborates', 'Z1'],
  ['K1', 'same-claim', 'Z1'],
  ['K1', 'contradicts', 'CFAR'],
  ['KMID', 'supports', 'CMID'],
  ['ZMID', 'supports', 'CMID'],
];

export interface Seeded {
  claims: Record<QuoteKey, string>;
  links: { id: string; from: QuoteKey; to: QuoteKey }[];
}

/**
 * Makes the claims and links through the page's own API (as the UI's client would) and reloads,
 * so the panes show them as after any restart.
 */
export async function seedLinks(page: Page): Promise<Seeded> {
  const docs = await api<{ id: string; title: string }[]>(page, 'documents.list', {});
  const texts = new Map<string, string>();
  for (const d of docs) texts.set(d.id, (await api<{ text: string }>(page, 'documents.get', { id: d.id })).text);
  const tags = await api<{ id: string }[]>(page, 'tags.list', {});
  const claims = {} as Record<QuoteKey, string>;
  let i = 0;
  for (const key of Object.keys(Q) as QuoteKey[]) {
    const doc = docs.find((d) => DOC_OF[key].test(d.title))!;
    const start = texts.get(doc.id)!.indexOf(Q[key]);
    if (start < 0) throw new Error(`quote not in the corpus: ${key}`);
    const a = await api<{ id: string }>(page, 'annotations.create', { documentId: doc.id, start, end: start + Q[key].length, tagIds: [tags[i++ % tags.length]!.id] });
    claims[key] = a.id;
  }
  const relations = await api<{ id: string; builtin: string | null }[]>(page, 'relations.list', {});
  const links: Seeded['links'] = [];
  for (const [from, rel, to] of LINKS) {
    const relationId = relations.find((r) => r.builtin === rel)!.id;
    const l = await api<{ id: string }>(page, 'links.create', { fromId: claims[from], toId: claims[to], relationId });
    links.push({ id: l.id, from, to });
  }
  await page.reload();
  await expect(page.locator('.pane .source-text')).toHaveCount(3);
  return { claims, links };
}

/** The on-screen rectangle of a quote in a pane (the union of its line boxes). */
export async function quoteRect(region: Locator, text: string): Promise<{ left: number; top: number; right: number; bottom: number }> {
  const rect = await region.evaluate((el, needle) => {
    const walker = document.createTreeWalker(el.querySelector('.source-text')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const found = n.textContent!.indexOf(needle);
      if (found < 0) continue;
      const r = document.createRange();
      r.setStart(n, found);
      r.setEnd(n, found + needle.length);
      const b = r.getBoundingClientRect();
      return { left: b.left, top: b.top, right: b.right, bottom: b.bottom };
    }
    return null;
  }, text);
  if (!rect) throw new Error(`text not found in pane: ${text}`);
  return rect;
}

/** Where the connector of a link starts and ends on screen, or null when none is drawn. */
export async function connectorEnds(page: Page, linkId: string): Promise<{ from: { x: number; y: number }; to: { x: number; y: number } } | null> {
  const path = page.locator(`path.connector[data-link-id="${linkId}"]`);
  if ((await path.count()) === 0) return null;
  const [from, to] = await Promise.all([path.getAttribute('data-from'), path.getAttribute('data-to')]);
  const point = (s: string | null) => {
    const [x, y] = (s ?? '').split(',').map(Number);
    return { x: x!, y: y! };
  };
  return { from: point(from), to: point(to) };
}

/** The middle of a quote's first character on screen: where a pointer rests "on" the claim. */
export async function quotePoint(region: Locator, text: string): Promise<{ x: number; y: number }> {
  const point = await region.evaluate((el, needle) => {
    const walker = document.createTreeWalker(el.querySelector('.source-text')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const found = n.textContent!.indexOf(needle);
      if (found < 0) continue;
      const r = document.createRange();
      r.setStart(n, found);
      r.setEnd(n, found + 1);
      const b = r.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }
    return null;
  }, text);
  if (!point) throw new Error(`text not found in pane: ${text}`);
  return point;
}
