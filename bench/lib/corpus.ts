import fs from 'node:fs';
import path from 'node:path';
import { seeded } from './stats';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const CORPUS = path.join(ROOT, 'resources', 'sample');
const FILES = ['kazpravda-2025-11-07-velizade.txt', 'caravan-2025-11-kazantsev.txt', 'zakon-2026-03-02-badamov.txt'];

let cached: { paragraphs: string[]; words: string[] } | null = null;

/** The corpus's paragraphs (its `date` headers dropped) and its vocabulary of longer words. */
function corpus(): { paragraphs: string[]; words: string[] } {
  if (cached) return cached;
  const paragraphs: string[] = [];
  for (const f of FILES) {
    const text = fs.readFileSync(path.join(CORPUS, f), 'utf8').replace(/\r\n?/g, '\n').replace(/^date \d{4}-\d{2}-\d{2}\s*/, '');
    for (const line of text.split('\n')) if (line.trim()) paragraphs.push(line.trim());
  }
  const words = [...new Set(paragraphs.join(' ').match(/[\p{L}]{5,}/gu) ?? [])].sort();
  cached = { paragraphs, words };
  return cached;
}

/**
 * A text of exactly `length` UTF-16 code units made of the corpus's paragraphs, repeated in a
 * seeded order with about one word in eight swapped for another corpus word, so copies differ (the
 * search index and the renderer see varied text) yet read like the real articles.
 */
export function generateText(length: number, seed: number): string {
  const { paragraphs, words } = corpus();
  const rand = seeded(seed);
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const p = paragraphs[Math.floor(rand() * paragraphs.length)]!;
    const varied = p.replace(/[\p{L}]{5,}/gu, (w) => (rand() < 0.125 ? words[Math.floor(rand() * words.length)]! : w));
    parts.push(varied);
    size += varied.length + 2;
  }
  let text = parts.join('\n\n').slice(0, length);
  // The cut must not leave trailing white space, which an importer would keep but a reader cannot see.
  while (/\s$/.test(text)) text = `${text.trimEnd()}.`.padEnd(length, '.');
  return text;
}

export interface ClaimSpec {
  start: number;
  end: number;
  /** Indexes into the project's tags (0-based). */
  tags: number[];
}

/**
 * `count` claims spread evenly over `text`, each inside one paragraph, 30–180 characters long; every
 * tenth one runs longer so that some claims overlap (overlaps are what the layers are for); most
 * carry one tag, every fifth two, every seventh none.
 */
export function spreadClaims(text: string, count: number, seed: number, tagCount: number): ClaimSpec[] {
  const rand = seeded(seed);
  const out: ClaimSpec[] = [];
  for (let i = 0; i < count; i++) {
    let start = Math.floor(((i + rand() * 0.5) * text.length) / count);
    while (start < text.length && /\s/.test(text[start]!)) start++;
    let paraEnd = text.indexOf('\n', start);
    if (paraEnd === -1) paraEnd = text.length;
    const want = i % 10 === 9 ? 400 : 30 + Math.floor(rand() * 150);
    let end = Math.min(start + want, paraEnd);
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end <= start) {
      // A claim at a paragraph's very end: take the previous characters instead.
      start = Math.max(0, start - 40);
      end = Math.max(start + 1, Math.min(start + 40, text.length));
    }
    const tags = i % 7 === 6 ? [] : i % 5 === 4 ? [i % tagCount, (i + 1) % tagCount] : [i % tagCount];
    out.push({ start, end, tags });
  }
  return out;
}
