/**
 * The units intercoder agreement is measured on, and which of them each author coded with each tag.
 * Offsets are UTF-16 code units into a document's stored text, as everywhere.
 *
 * - Paragraph and sentence units are the document's own paragraphs and sentences (shared/text.ts):
 *   an author coded unit u with tag t when one of the author's claims with t overlaps u.
 * - Segments are the stretches of text between consecutive claim edges of any author inside a
 *   paragraph. Within a segment every character has the same coding by every author, so a segment
 *   stands for its length in character units (the weight Krippendorff's alpha takes).
 */
import { splitParagraphs, splitSentences, type ParagraphRange } from './text';

export type UnitLevel = 'paragraph' | 'sentence';
export const UNIT_LEVELS: readonly UnitLevel[] = ['paragraph', 'sentence'];

export type Span = ParagraphRange;

/** A claim as agreement sees it: where it is, who made it, what it is coded with. */
export interface CodingClaim {
  id: string;
  documentId: string;
  start: number;
  end: number;
  author: string;
  tagIds: readonly string[];
}

export function unitsOf(text: string, level: UnitLevel): Span[] {
  return level === 'paragraph' ? splitParagraphs(text) : splitSentences(text);
}

/** Index of the first unit ending after `offset` (units sorted and disjoint). */
function firstEndingAfter(units: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (units[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The indexes of the units [start, end) overlaps by at least one character. */
export function overlappedUnits(units: readonly Span[], start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = firstEndingAfter(units, start); i < units.length && units[i]!.start < end; i++) out.push(i);
  return out;
}

/** author → tag → the indexes of the units that author coded with that tag. */
export type Coding = Map<string, Map<string, Set<number>>>;

/** Which units each author coded with each tag, from the claims of one document. */
export function codingOf(units: readonly Span[], claims: readonly CodingClaim[]): Coding {
  const coding: Coding = new Map();
  for (const claim of claims) {
    let byTag = coding.get(claim.author);
    if (!byTag) coding.set(claim.author, (byTag = new Map()));
    const hit = overlappedUnits(units, claim.start, claim.end);
    for (const tagId of claim.tagIds) {
      let set = byTag.get(tagId);
      if (!set) byTag.set(tagId, (set = new Set()));
      for (const i of hit) set.add(i);
    }
  }
  return coding;
}

export function isCoded(coding: Coding, author: string, tagId: string, unit: number): boolean {
  return coding.get(author)?.get(tagId)?.has(unit) ?? false;
}

/**
 * The text of a document's paragraphs cut at every claim edge: consecutive, disjoint spans that
 * together cover every paragraph exactly (the line breaks between paragraphs belong to no unit).
 */
export function segmentsOf(text: string, claims: readonly CodingClaim[]): Span[] {
  const cuts = new Set<number>();
  for (const c of claims) {
    cuts.add(c.start);
    cuts.add(c.end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Span[] = [];
  for (const para of splitParagraphs(text)) {
    let at = para.start;
    for (let i = firstCutAfter(sorted, para.start); i < sorted.length && sorted[i]! < para.end; i++) {
      out.push({ start: at, end: sorted[i]! });
      at = sorted[i]!;
    }
    out.push({ start: at, end: para.end });
  }
  return out;
}

function firstCutAfter(sorted: readonly number[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
