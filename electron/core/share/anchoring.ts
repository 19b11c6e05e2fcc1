/**
 * Where a colleague's new claims belong in this project's texts, within a bounded allowance of
 * work (shared/anchor.ts, AnchorBudget). The search can run ahead of the merge, in chunks that
 * yield to the event loop (jobs.ts), so the merge itself only looks the answers up; a claim the
 * plan has no answer for is anchored on the spot, from the same allowance.
 */
import { AnchorBudget, anchorAcross, anchorQuote, FILE_ANCHOR_BUDGET, type QuoteSelector, tooShortForContext } from '../../../shared/anchor';
import { astralOffsets, toUtf16 } from '../../../shared/offsets';
import { AppError } from '../errors';
import { SHARE_LIMITS } from './limits';
import type { SharedClaim, SharedFile } from './model';

/** The refusal of a file most of whose claims belong to texts this project does not have. */
export function tooManyOrphans(fileName: string): AppError {
  return new AppError(
    'bad-input',
    `${fileName} is not a usable annotation file here: more than ${SHARE_LIMITS.maxOrphans} of its claims quote text found in no document of this project (is it for another project, or without its embedded texts?).`,
  );
}

/** A text a claim may be anchored in, named by its content hash. */
export interface AnchorText {
  hash: string;
  text: string;
}

/** Where a claim was found: the document's content hash, the range, the edits it took and how sure the match is (0–1). */
export interface Placement {
  hash: string;
  start: number;
  end: number;
  errors: number;
  score: number;
}

const normalize = (s: string) => s.replace(/\r\n?/g, '\n');

/** Why a claim is not searched at all (shown in the preview's "not imported" list). */
export const REFUSED_SHORT_QUOTE = 'the quote is too short to anchor for the context it comes with';

/**
 * A claim's old offsets in UTF-16 code units of `text`: converted from code points when the file
 * counts those; when it does not say (another tool's file), the reading that finds the quote there.
 */
export function hintIn(
  text: string,
  raw: { start: number; end: number },
  exact: string,
  unit: SharedClaim['positions'],
  astral: readonly number[] = unit === 'utf16' ? [] : astralOffsets(text),
): { start: number; end: number } {
  if (unit === 'utf16') return raw;
  if (astral.length === 0) return raw;
  const converted = { start: toUtf16(astral, raw.start), end: toUtf16(astral, raw.end) };
  if (unit === 'code-points') return converted;
  return text.slice(raw.start, raw.end) !== exact && text.slice(converted.start, converted.end) === exact ? converted : raw;
}

export class ClaimAnchorer {
  readonly budget: AnchorBudget;
  private readonly planned = new Map<string, Placement | null>();
  private readonly fileLengths = new Map<string, number | null>();
  /**
   * Each text's astral characters, found once per import: scanning a 50,000-character text for
   * them again for each of 10,000 claims was a third of an import's anchoring time.
   */
  private readonly astral = new Map<string, readonly number[]>();

  private astralIn(text: string): readonly number[] {
    let found = this.astral.get(text);
    if (!found) this.astral.set(text, (found = astralOffsets(text)));
    return found;
  }

  constructor(file: SharedFile, allowance: { perClaim: number; perFile: number } = FILE_ANCHOR_BUDGET) {
    this.budget = new AnchorBudget(allowance.perClaim, allowance.perFile);
    for (const d of file.documents) if (!this.fileLengths.has(d.hash)) this.fileLengths.set(d.hash, d.length);
  }

  /** Whether the claim is refused before any search (see tooShortForContext). */
  static refuses(c: SharedClaim): boolean {
    return tooShortForContext({ exact: c.exact, prefix: c.prefix, suffix: c.suffix });
  }

  /** The claim's place among `texts`, from the plan when it was searched ahead, else searched now. */
  place(c: SharedClaim, texts: readonly AnchorText[], byHash: ReadonlyMap<string, string>): Placement | null {
    const known = this.planned.get(c.id);
    if (known === null) return null;
    if (known && byHash.has(known.hash)) return known;
    return this.search(c, texts, byHash);
  }

  /** How many of the claims searched ahead were found nowhere. */
  unplaced(): number {
    let n = 0;
    for (const p of this.planned.values()) if (p === null) n++;
    return n;
  }

  /** Searches ahead of the merge and remembers the answer. */
  plan(c: SharedClaim, texts: readonly AnchorText[], byHash: ReadonlyMap<string, string>): void {
    if (!this.planned.has(c.id)) this.planned.set(c.id, this.search(c, texts, byHash));
  }

  private search(c: SharedClaim, texts: readonly AnchorText[], byHash: ReadonlyMap<string, string>): Placement | null {
    if (ClaimAnchorer.refuses(c)) return null;
    this.budget.beginClaim();
    const q: QuoteSelector = { exact: normalize(c.exact), prefix: normalize(c.prefix), suffix: normalize(c.suffix) };
    const raw = c.start !== null && c.end !== null ? { start: c.start, end: c.end } : null;
    const own = c.hash ? byHash.get(c.hash) : undefined;
    const hint = raw && own !== undefined ? hintIn(own, raw, q.exact, c.positions, c.positions === 'utf16' ? [] : this.astralIn(own)) : raw;
    if (own !== undefined && c.hash) {
      const m = anchorQuote(own, q, hint, this.budget);
      if (m) return { hash: c.hash, start: m.start, end: m.end, errors: m.errors, score: m.score };
    }
    // The claim's document is not here (a corrected copy has another hash): the search in each
    // text starts where the claim sat, relative to the length of the text it was taken from.
    const sourceLength = c.hash ? (this.fileLengths.get(c.hash) ?? null) : null;
    // Offsets that may count code points are read in each text as hintIn reads them in the claim's own.
    const perText = raw && sourceLength === null && c.positions !== 'utf16' ? (text: string) => hintIn(text, raw, q.exact, c.positions, this.astralIn(text)).start : null;
    const found = anchorAcross(
      texts.map((t) => ({ key: t.hash, text: t.text })),
      q,
      perText ?? (hint ? { start: hint.start, sourceLength } : null),
      this.budget,
    );
    return found ? { hash: found.key, start: found.match.start, end: found.match.end, errors: found.match.errors, score: found.match.score } : null;
  }
}
