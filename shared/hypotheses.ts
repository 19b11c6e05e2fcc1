import { z } from 'zod';
import { hasHiddenOrBroken } from './names';

/**
 * Analysis of Competing Hypotheses (Heuer's ACH): an analysis asks a question, lists hypotheses
 * (columns) and evidence (rows: claims, claim clusters, assumptions, absent evidence), and each
 * analyst rates every row against every hypothesis. The score functions here are pure, so the
 * matrix, the dossier and the CLI compute the very same numbers.
 */

export const RATINGS = ['CC', 'C', 'N', 'I', 'II', 'NA'] as const;
export const Rating = z.enum(RATINGS, 'a rating is one of CC, C, N, I, II or NA');
export type Rating = z.infer<typeof Rating>;

export const LEVELS = ['low', 'medium', 'high'] as const;
export const Level = z.enum(LEVELS, 'expected low, medium or high');
export type Level = z.infer<typeof Level>;

export const ROW_KINDS = ['claim', 'cluster', 'assumption', 'absent'] as const;
export const RowKind = z.enum(ROW_KINDS);
export type RowKind = z.infer<typeof RowKind>;

/** The two hypotheses Heuer recommends every analysis considers; 'plain' is the analyst's own. */
export const HYPOTHESIS_KINDS = ['plain', 'deception', 'other'] as const;
export const HypothesisKind = z.enum(HYPOTHESIS_KINDS);
export type HypothesisKind = z.infer<typeof HypothesisKind>;

export const TITLE_MAX = 300;
export const ROW_TEXT_MAX = 2000;
export const RATIONALE_MAX = 5000;
export const DESCRIPTION_MAX = 256 * 1024;

const NAME_RULE = 'contains a control character, a text-direction mark or a broken character';
export const HypothesisTitle = z
  .string()
  .trim()
  .min(1, 'a title cannot be empty')
  .max(TITLE_MAX, `a title is at most ${TITLE_MAX} characters`)
  .refine((s) => !hasHiddenOrBroken(s), NAME_RULE);
export const RowText = z.string().trim().min(1, 'the row needs a text').max(ROW_TEXT_MAX, `a row's text is at most ${ROW_TEXT_MAX} characters`);
export const Rationale = z.string().max(RATIONALE_MAX, `a rationale is at most ${RATIONALE_MAX} characters`);
export const DescriptionJson = z.string().max(DESCRIPTION_MAX, 'the description is larger than 256 KB');

const Id = z.uuid();

export const Analysis = z.object({
  id: Id,
  question: z.string(),
  author: z.string(),
  position: z.number().int(),
  createdAt: z.string(),
  modifiedAt: z.string(),
});
export type Analysis = z.infer<typeof Analysis>;

export const Hypothesis = z.object({
  id: Id,
  analysisId: Id,
  title: z.string(),
  kind: HypothesisKind,
  /** Lexical JSON, or '' when there is no description. */
  description: z.string(),
  descriptionText: z.string(),
  author: z.string(),
  position: z.number().int(),
  createdAt: z.string(),
  modifiedAt: z.string(),
});
export type Hypothesis = z.infer<typeof Hypothesis>;

export const EvidenceRow = z.object({
  id: Id,
  analysisId: Id,
  kind: RowKind,
  /** The claim (or, for a cluster row, any claim of the cluster, first its key claim); null for typed rows. */
  claimId: Id.nullable(),
  /** An assumption's or absent evidence's text; for claim rows, the claim's quote or the cluster's title as it stands. */
  text: z.string(),
  /** Where the claim comes from ("Kazpravda.kz, 2025-11-07, ¶4"); '' for typed rows. */
  source: z.string(),
  /** How many sources repeat a cluster (1 for a claim row, 0 for typed rows). */
  sources: z.number().int(),
  /** Set by the analyst; null means the default from the claim's source grading (else medium). */
  credibility: Level.nullable(),
  /** The credibility the scores use: the analyst's, else the grading's, else medium. */
  effectiveCredibility: Level,
  /** The Admiralty code the default came from ("B2"), or null. */
  grading: z.string().nullable(),
  relevance: Level,
  doubtful: z.boolean(),
  /** The claim this row stands for was deleted: the row is kept and marked, never dropped. */
  missing: z.boolean(),
  author: z.string(),
  position: z.number().int(),
});
export type EvidenceRow = z.infer<typeof EvidenceRow>;

export const CellRating = z.object({
  id: Id,
  rowId: Id,
  hypothesisId: Id,
  author: z.string(),
  rating: Rating,
  rationale: z.string(),
  modifiedAt: z.string(),
});
export type CellRating = z.infer<typeof CellRating>;

/** A rating the claim's links suggest: a row supporting / contradicting another row already rated. */
export const Suggestion = z.object({ rowId: Id, hypothesisId: Id, rating: Rating, viaRowId: Id });
export type Suggestion = z.infer<typeof Suggestion>;

export const Matrix = z.object({
  analysis: Analysis,
  hypotheses: z.array(Hypothesis),
  rows: z.array(EvidenceRow),
  ratings: z.array(CellRating),
  /** Every author with a rating in this analysis; the current analyst first. */
  authors: z.array(z.string()),
  suggestions: z.array(Suggestion),
});
export type Matrix = z.infer<typeof Matrix>;

// ---- scores ----

/** Heuer's weights: Low 1/√2, Medium 1, High √2. */
export const WEIGHT: Record<Level, number> = { low: Math.SQRT1_2, medium: 1, high: Math.SQRT2 };

/** The value of a rating in diagnosticity and consensus (CC 2 … II −2); NA has none. */
export const RATING_VALUE: Record<Rating, number | null> = { CC: 2, C: 1, N: 0, I: -1, II: -2, NA: null };

/** PARC ACH counts inconsistency only: II −2, I −1, everything else 0. */
export function inconsistencyValue(rating: Rating | undefined): number {
  return rating === 'II' ? -2 : rating === 'I' ? -1 : 0;
}

export interface ScoreRow {
  id: string;
  credibility: Level;
  relevance: Level;
  doubtful: boolean;
}

/** One rating per (row, hypothesis): `get(rowId, hypothesisId)`. */
export type RatingLookup = (rowId: string, hypothesisId: string) => Rating | undefined;

export function lookupOf(ratings: readonly Pick<CellRating, 'rowId' | 'hypothesisId' | 'rating'>[]): RatingLookup {
  // Nested maps: a key made by joining two UUIDs per lookup cost more than the scores themselves.
  const map = new Map<string, Map<string, Rating>>();
  for (const r of ratings) {
    let row = map.get(r.rowId);
    if (!row) map.set(r.rowId, (row = new Map()));
    row.set(r.hypothesisId, r.rating);
  }
  return (row, hyp) => map.get(row)?.get(hyp);
}

/** Weighted inconsistency of each hypothesis: Σ credibility × relevance × value. Higher (closer to 0) is more likely. */
export function inconsistencyScores(rows: readonly ScoreRow[], hypothesisIds: readonly string[], get: RatingLookup, skip: ReadonlySet<string> = new Set()): number[] {
  return hypothesisIds.map((h) => {
    let sum = 0;
    for (const row of rows) {
      if (skip.has(row.id)) continue;
      const v = inconsistencyValue(get(row.id, h));
      if (v !== 0) sum += WEIGHT[row.credibility] * WEIGHT[row.relevance] * v;
    }
    return sum;
  });
}

/** Diagnosticity of a row: the population standard deviation of its rating values across hypotheses, NA and blanks left out. */
export function diagnosticity(rowId: string, hypothesisIds: readonly string[], get: RatingLookup): number {
  const values: number[] = [];
  for (const h of hypothesisIds) {
    const r = get(rowId, h);
    const v = r === undefined ? null : RATING_VALUE[r];
    if (v !== null) values.push(v);
  }
  return spread(values);
}

/** Population standard deviation; 0 for fewer than two values. */
export function spread(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
}

/** The index of the top-ranked (least inconsistent) hypothesis; ties go to the earlier column. -1 when there is none. */
export function topIndex(scores: readonly number[]): number {
  let best = -1;
  for (let i = 0; i < scores.length; i++) if (best < 0 || scores[i]! > scores[best]! + 1e-9) best = i;
  return best;
}

export interface Scores {
  /** Per hypothesis, in column order, every row counted. */
  scores: number[];
  /** Per hypothesis with the doubtful rows left out (the sensitivity view). */
  withoutDoubtful: number[];
  /** Per row id. */
  diagnosticity: Map<string, number>;
  /** Rows whose removal changes the top-ranked hypothesis, in row order. */
  linchpins: string[];
  /** Hypothesis ids from most to least likely (by `scores`; ties keep column order). */
  ranking: string[];
}

/**
 * What each cell adds to the scores (row-major, rows × hypotheses) and each row's diagnosticity: the
 * part of the scores a rating edit changes, so a view can redo the edited row alone (`scoreCells`
 * with `redo`) and total up again (`scoresOf`).
 */
export interface ScoreCells {
  contribution: Float64Array;
  diagnosticity: Map<string, number>;
}

/** The cells of every row; with `redo`, a copy of `redo.from` with only the rows at those indexes worked out again. */
export function scoreCells(rows: readonly ScoreRow[], hypothesisIds: readonly string[], get: RatingLookup, redo?: { from: ScoreCells; rows: Iterable<number> }): ScoreCells {
  const H = hypothesisIds.length;
  const contribution = redo ? redo.from.contribution.slice() : new Float64Array(rows.length * H);
  const diag = redo ? new Map(redo.from.diagnosticity) : new Map<string, number>();
  const values: number[] = [];
  const work = (ri: number) => {
    const row = rows[ri]!;
    const weight = WEIGHT[row.credibility] * WEIGHT[row.relevance];
    values.length = 0;
    for (let hi = 0; hi < H; hi++) {
      const rating = get(row.id, hypothesisIds[hi]!);
      contribution[ri * H + hi] = weight * inconsistencyValue(rating);
      const value = rating === undefined ? null : RATING_VALUE[rating];
      if (value !== null) values.push(value);
    }
    diag.set(row.id, spread(values));
  };
  if (redo) for (const ri of redo.rows) work(ri);
  else for (let ri = 0; ri < rows.length; ri++) work(ri);
  return { contribution, diagnosticity: diag };
}

/** The scores, sensitivity, linchpins and ranking from the cells. */
export function scoresOf(rows: readonly ScoreRow[], hypothesisIds: readonly string[], cells: ScoreCells): Scores {
  const H = hypothesisIds.length;
  const { contribution } = cells;
  const scores = new Array<number>(H).fill(0);
  const withoutDoubtful = new Array<number>(H).fill(0);
  rows.forEach((row, ri) => {
    for (let hi = 0; hi < H; hi++) {
      const c = contribution[ri * H + hi]!;
      if (c === 0) continue;
      scores[hi]! += c;
      if (!row.doubtful) withoutDoubtful[hi]! += c;
    }
  });
  const top = topIndex(scores);
  const linchpins: string[] = [];
  if (top >= 0) {
    const without = new Array<number>(H);
    rows.forEach((row, ri) => {
      // Removing a row only moves the scores it contributes to.
      for (let hi = 0; hi < H; hi++) without[hi] = scores[hi]! - contribution[ri * H + hi]!;
      if (topIndex(without) !== top) linchpins.push(row.id);
    });
  }
  const ranking = hypothesisIds.map((id, i) => ({ id, i })).sort((a, b) => scores[b.i]! - scores[a.i]! || a.i - b.i).map((x) => x.id);
  return { scores, withoutDoubtful, diagnosticity: cells.diagnosticity, linchpins, ranking };
}

/** Everything the matrix shows under its columns and beside its rows, computed once per edit. */
export function computeScores(rows: readonly ScoreRow[], hypothesisIds: readonly string[], get: RatingLookup): Scores {
  return scoresOf(rows, hypothesisIds, scoreCells(rows, hypothesisIds, get));
}

// ---- several analysts ----

export interface GroupCell {
  /** Each analyst's rating, in the order of `authors`. */
  byAuthor: (Rating | undefined)[];
  /** The rating nearest the mean of the analysts' values; NA when every one said NA; undefined when nobody rated. */
  consensus: Rating | undefined;
  /** The spread (population standard deviation) of the analysts' values: 0 agreed … 2 opposite. */
  disagreement: number;
}

const BY_VALUE: readonly Rating[] = ['II', 'I', 'N', 'C', 'CC'];

export function groupCell(ratings: readonly (Rating | undefined)[]): GroupCell {
  const values = ratings.map((r) => (r === undefined ? null : RATING_VALUE[r])).filter((v): v is number => v !== null);
  let consensus: Rating | undefined;
  if (values.length > 0) {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    // Halves round away from zero, so one CC and one C make CC and one I and one II make II.
    const rounded = Math.sign(mean) * Math.round(Math.abs(mean));
    consensus = BY_VALUE[rounded + 2];
  } else if (ratings.some((r) => r === 'NA')) consensus = 'NA';
  return { byAuthor: [...ratings], consensus, disagreement: spread(values) };
}

// ---- defaults from source grading ----

const RELIABILITY_LEVEL: Record<string, Level | null> = { A: 'high', B: 'high', C: 'medium', D: 'low', E: 'low', F: null };
const CREDIBILITY_LEVEL: Record<string, Level | null> = { '1': 'high', '2': 'high', '3': 'medium', '4': 'low', '5': 'low', '6': null };

/**
 * The credibility a claim row starts with, from the Admiralty grading of its claim (or its source):
 * A–B / 1–2 high, C / 3 medium, D–E / 4–5 low; F and 6 ("cannot be judged") say nothing. Where both
 * halves say something, the lower counts: a reliable source can still pass on doubtful information.
 */
export function credibilityFromGrading(reliability: string | undefined, credibility: string | undefined): Level | null {
  const levels = [reliability ? RELIABILITY_LEVEL[reliability] : null, credibility ? CREDIBILITY_LEVEL[credibility] : null].filter(
    (l): l is Level => !!l,
  );
  if (levels.length === 0) return null;
  return levels.reduce((a, b) => (LEVELS.indexOf(a) <= LEVELS.indexOf(b) ? a : b));
}

// ---- API inputs (the rows of the api table in contract.ts) ----

export const Question = z
  .string()
  .trim()
  .min(1, 'an analysis needs a question')
  .max(TITLE_MAX, `a question is at most ${TITLE_MAX} characters`)
  .refine((s) => !hasHiddenOrBroken(s), NAME_RULE);

export const NewEvidence = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['claim', 'cluster']), claimId: Id }).strict(),
  z.object({ kind: z.enum(['assumption', 'absent']), text: RowText }).strict(),
]);
export type NewEvidence = z.infer<typeof NewEvidence>;

/** Rows one call may add (a whole filtered claim list at once). */
export const ADD_ROWS_MAX = 2000;

export const HypothesisInputs = {
  createAnalysis: z.object({ question: Question }).strict(),
  renameAnalysis: z.object({ id: Id, question: Question }).strict(),
  byId: z.object({ id: Id }).strict(),
  matrix: z.object({ analysisId: Id }).strict(),
  create: z.object({ analysisId: Id, title: HypothesisTitle, kind: HypothesisKind.default('plain') }).strict(),
  update: z
    .object({
      id: Id,
      title: HypothesisTitle.optional(),
      description: DescriptionJson.optional(),
      /** An editing session of the description: its autosaves are one undo step while nothing else happens. */
      session: Id.optional(),
    })
    .strict(),
  move: z.object({ id: Id, index: z.number().int().min(0).max(10_000) }).strict(),
  addRows: z.object({ analysisId: Id, rows: z.array(NewEvidence).min(1).max(ADD_ROWS_MAX) }).strict(),
  updateRow: z
    .object({ id: Id, credibility: Level.nullable().optional(), relevance: Level.optional(), doubtful: z.boolean().optional(), text: RowText.optional() })
    .strict(),
  rate: z.object({ rowId: Id, hypothesisId: Id, rating: Rating.nullable() }).strict(),
  explain: z.object({ rowId: Id, hypothesisId: Id, rationale: Rationale }).strict(),
  search: z.object({ q: z.string().max(500), limit: z.number().int().min(1).max(200).default(50) }).strict(),
};

export const AddedRows = z.object({ added: z.number().int(), skipped: z.number().int() });

export const HypothesisHit = z.object({
  analysisId: Id,
  question: z.string(),
  hypothesisId: Id.nullable(),
  field: z.enum(['question', 'title', 'description']),
  text: z.string(),
});
export type HypothesisHit = z.infer<typeof HypothesisHit>;
