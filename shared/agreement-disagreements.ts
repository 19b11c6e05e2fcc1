/**
 * Where two authors coded a document differently, claim by claim, for the side-by-side list of the
 * Agreement view. Only the compared tags count: a claim's other tags are left out of its tag set, and
 * a claim with none of the compared tags is no coding at all here.
 */
import type { Disagreement, DisagreementKind, DisagreementSide } from './agreement-schema';
import type { CodingClaim } from './agreement-units';

const sameSet = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((t) => y.includes(t));

function side(text: string, c: CodingClaim): DisagreementSide {
  return { author: c.author, claimId: c.id, start: c.start, end: c.end, exact: text.slice(c.start, c.end), tagIds: [...c.tagIds] };
}

/** What an overlapping pair of claims disagrees on, or null when they coded the same text the same way. */
function kindOf(x: CodingClaim, y: CodingClaim): DisagreementKind | null {
  if (!sameSet(x.tagIds, y.tagIds)) return 'differentTags';
  return x.start === y.start && x.end === y.end ? null : 'extent';
}

/**
 * The disagreements of authors `a` and `b` in one document: every overlapping pair of their claims
 * that differs (tags first: overlapping claims with different tags are `differentTags` whatever
 * their extents), and every claim of either that nothing of the other overlaps. In text order.
 */
export function disagreementsIn(documentId: string, text: string, claims: readonly CodingClaim[], a: string, b: string): Disagreement[] {
  const coded = claims.filter((c) => c.tagIds.length > 0);
  const mine = coded.filter((c) => c.author === a).sort((x, y) => x.start - y.start || x.end - y.end);
  const theirs = coded.filter((c) => c.author === b).sort((x, y) => x.start - y.start || x.end - y.end);
  const out: Disagreement[] = [];
  const matched = new Set<string>();
  // reach[i]: the furthest end among theirs[0..i]; every claim before the first index whose reach
  // passes x.start ends before x, so the scan for x starts there (a long document stays linear-ish).
  const reach: number[] = [];
  for (const y of theirs) reach.push(Math.max(reach[reach.length - 1] ?? 0, y.end));
  for (const x of mine) {
    let overlapped = false;
    for (let i = firstReaching(reach, x.start); i < theirs.length; i++) {
      const y = theirs[i]!;
      if (y.start >= x.end) break;
      if (y.end <= x.start) continue;
      overlapped = true;
      matched.add(y.id);
      const kind = kindOf(x, y);
      if (kind) out.push({ kind, documentId, a, b, left: side(text, x), right: side(text, y) });
    }
    if (!overlapped) out.push({ kind: 'oneOnly', documentId, a, b, left: side(text, x), right: null });
  }
  for (const y of theirs) if (!matched.has(y.id)) out.push({ kind: 'oneOnly', documentId, a, b, left: null, right: side(text, y) });
  const at = (d: Disagreement) => Math.min(d.left?.start ?? Infinity, d.right?.start ?? Infinity);
  return out.sort((p, q) => at(p) - at(q));
}

/** The first index whose reach is beyond `offset` (reach is non-decreasing). */
function firstReaching(reach: readonly number[], offset: number): number {
  let lo = 0;
  let hi = reach.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reach[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
