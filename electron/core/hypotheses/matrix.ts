import { CREDIBILITY_ID, gradeCode, RELIABILITY_ID } from '../../../shared/attributes';
import { clustersOf, defaultClusterTitle, type Cluster } from '../../../shared/clusters';
import { ClusterTitles } from '../clusters/clusters';
import {
  credibilityFromGrading,
  type CellRating,
  type EvidenceRow,
  type Matrix,
  type Rating,
  type Suggestion,
} from '../../../shared/hypotheses';
import { placeOf, placeText } from '../../../shared/pages';
import { splitParagraphs, type ParagraphRange } from '../../../shared/text';
import type { Project } from '../store/project';
import { HypothesisStore, type DbRow } from './store';

interface ClaimRow {
  id: string;
  document_id: string;
  start: number;
  exact: string;
  created_at: string;
  deleted_at: string | null;
}

interface DocRow {
  id: string;
  title: string;
  outlet: string;
  date: string | null;
}

/** What a supporting claim suggests for a row, given the rating of the claim it supports; contradiction mirrors it. */
const MIRROR: Record<Rating, Rating> = { CC: 'II', C: 'I', N: 'N', I: 'C', II: 'CC', NA: 'NA' };

/**
 * The live claims, their same-claim clusters and which claim ids a matrix's rows already cover: a
 * claim row covers its claim, a cluster row every member of the cluster its claim belongs to.
 */
export class ClaimWorld {
  readonly claims: Map<string, ClaimRow>;
  readonly clusterOf = new Map<string, Cluster>();
  readonly links: { from_id: string; to_id: string; relation_id: string; builtin: string | null }[];

  constructor(project: Project) {
    const db = project.database;
    const all = db.prepare('SELECT id, document_id, start, exact, created_at, deleted_at FROM annotations').all() as ClaimRow[];
    this.claims = new Map(all.map((c) => [c.id, c]));
    const live = all.filter((c) => c.deleted_at === null).map((c) => ({ id: c.id, documentId: c.document_id, createdAt: c.created_at }));
    this.links = db
      .prepare(
        `SELECT l.from_id, l.to_id, l.relation_id, r.builtin FROM links l JOIN relation_types r ON r.id = l.relation_id
         WHERE l.deleted_at IS NULL AND r.deleted_at IS NULL`,
      )
      .all() as ClaimWorld['links'];
    const linkLikes = this.links.map((l) => ({ fromId: l.from_id, toId: l.to_id, relationId: l.relation_id }));
    for (const cluster of clustersOf(live, linkLikes, project.relations.list(), new ClusterTitles(project).titles())) for (const id of cluster.memberIds) this.clusterOf.set(id, cluster);
  }

  /** The claims a row stands for: a claim row its claim; a cluster row its whole cluster. */
  covers(row: Pick<DbRow, 'kind' | 'claim_id'>): string[] {
    if (!row.claim_id) return [];
    if (row.kind === 'cluster') return this.clusterOf.get(row.claim_id)?.memberIds ?? [row.claim_id];
    return [row.claim_id];
  }

  coveredBy(rows: readonly Pick<DbRow, 'kind' | 'claim_id'>[]): Set<string> {
    const covered = new Set<string>();
    for (const r of rows) for (const id of this.covers(r)) covered.add(id);
    return covered;
  }
}

/** Reads one analysis as the matrix shows it: rows with their claim's words, source and grading default. */
export function readMatrix(project: Project, analysisId: string, me: string): Matrix {
  return readMatrixWithPlaces(project, analysisId, me).matrix;
}

/** Where a claim row's (key) claim stands, for citations: its document and offset. */
export interface RowPlace {
  documentId: string;
  offset: number;
}

/** `readMatrix`, with the place of each live claim row's claim (the dossier cites them). */
export function readMatrixWithPlaces(project: Project, analysisId: string, me: string): { matrix: Matrix; places: Map<string, RowPlace> } {
  const places = new Map<string, RowPlace>();
  const store = new HypothesisStore(project.database);
  const analysis = store.analysis(analysisId);
  const hypotheses = store.hypotheses(analysisId);
  const dbRows = store.rows(analysisId);
  const world = new ClaimWorld(project);
  const db = project.database;

  const docs = new Map((db.prepare('SELECT id, title, outlet, date FROM documents').all() as DocRow[]).map((d) => [d.id, d]));
  const paragraphs = new Map<string, { paras: ParagraphRange[]; pages: number[] }>();
  const placeIn = (documentId: string, offset: number) => {
    let p = paragraphs.get(documentId);
    if (!p) {
      p = { paras: splitParagraphs(project.documents.text(documentId)), pages: project.documents.pageStarts(documentId) };
      paragraphs.set(documentId, p);
    }
    return placeText(placeOf(p.paras, p.pages, offset));
  };

  const grades = new Map<string, string>();
  for (const g of db
    .prepare(`SELECT owner_kind, owner_id, attribute_id, value FROM attribute_values WHERE deleted_at IS NULL AND attribute_id IN (?, ?)`)
    .all(RELIABILITY_ID, CREDIBILITY_ID) as { owner_kind: string; owner_id: string; attribute_id: string; value: string }[]) {
    grades.set(`${g.owner_kind}:${g.owner_id}:${g.attribute_id}`, g.value);
  }
  // A claim's own grading overrides its source's, half by half.
  const gradeOf = (claim: ClaimRow, attribute: string) => grades.get(`annotation:${claim.id}:${attribute}`) ?? grades.get(`document:${claim.document_id}:${attribute}`);

  const rows: EvidenceRow[] = dbRows.map((r) => {
    const base = {
      id: r.id,
      analysisId: r.analysis_id,
      kind: r.kind,
      claimId: r.claim_id,
      credibility: r.credibility,
      relevance: r.relevance,
      doubtful: r.doubtful === 1,
      author: r.author,
      position: r.position,
    };
    const claim = r.claim_id ? world.claims.get(r.claim_id) : undefined;
    if (!r.claim_id) return { ...base, text: r.text, source: '', sources: 0, effectiveCredibility: r.credibility ?? 'medium', grading: null, missing: false };
    if (!claim || claim.deleted_at !== null) {
      // Kept and marked: the analyst decides whether the row goes, never the deletion of its claim.
      return { ...base, text: claim?.exact ?? r.text, source: '', sources: 0, effectiveCredibility: r.credibility ?? 'medium', grading: null, missing: true };
    }
    const cluster = r.kind === 'cluster' ? world.clusterOf.get(claim.id) : undefined;
    const key = cluster ? world.claims.get(cluster.key)! : claim;
    places.set(r.id, { documentId: key.document_id, offset: key.start });
    const doc = docs.get(key.document_id);
    const source = doc ? [doc.outlet || doc.title, doc.date, placeIn(doc.id, key.start)].filter(Boolean).join(', ') : '';
    const reliability = gradeOf(key, RELIABILITY_ID);
    const credibility = gradeOf(key, CREDIBILITY_ID);
    const fromGrading = credibilityFromGrading(reliability, credibility);
    return {
      ...base,
      text: cluster ? (cluster.title ?? defaultClusterTitle(key.exact)) : claim.exact,
      source,
      sources: cluster ? cluster.documentIds.length : 1,
      effectiveCredibility: r.credibility ?? fromGrading ?? 'medium',
      grading: gradeCode(reliability, credibility),
      missing: false,
    };
  });

  const ratings: CellRating[] = store.ratings(analysisId).map((g) => ({
    id: g.id,
    rowId: g.row_id,
    hypothesisId: g.hypothesis_id,
    author: g.author,
    rating: g.rating,
    rationale: g.rationale,
    modifiedAt: g.modified_at,
  }));
  const authors = [me, ...[...new Set(ratings.map((g) => g.author))].filter((a) => a !== me).sort()];
  return { matrix: { analysis, hypotheses, rows, ratings, authors, suggestions: suggestions(world, dbRows, ratings, me) }, places };
}

/**
 * Ratings the claims' links suggest for my blank cells: a row whose claim supports another row's
 * claim leans the same way on each hypothesis; one that contradicts it leans the other way. Only a
 * suggestion: the analyst confirms it with a key.
 */
function suggestions(world: ClaimWorld, rows: readonly DbRow[], ratings: readonly CellRating[], me: string): Suggestion[] {
  const rowOfClaim = new Map<string, string>();
  for (const r of rows) for (const id of world.covers(r)) rowOfClaim.set(id, r.id);
  const mine = new Map<string, Rating>();
  for (const g of ratings) if (g.author === me) mine.set(`${g.rowId}|${g.hypothesisId}`, g.rating);
  const hypothesisIds = [...new Set(ratings.map((g) => g.hypothesisId))];
  const out: Suggestion[] = [];
  const seen = new Set<string>();
  for (const l of world.links) {
    if (l.builtin !== 'supports' && l.builtin !== 'contradicts') continue;
    const a = rowOfClaim.get(l.from_id);
    const b = rowOfClaim.get(l.to_id);
    if (!a || !b || a === b) continue;
    for (const [row, via] of [
      [a, b],
      [b, a],
    ] as const) {
      for (const h of hypothesisIds) {
        const known = mine.get(`${via}|${h}`);
        if (!known || known === 'NA' || mine.has(`${row}|${h}`) || seen.has(`${row}|${h}`)) continue;
        seen.add(`${row}|${h}`);
        out.push({ rowId: row, hypothesisId: h, rating: l.builtin === 'supports' ? known : MIRROR[known], viaRowId: via });
      }
    }
  }
  return out;
}
