import { randomUUID } from 'node:crypto';
import type { Analysis, Hypothesis, HypothesisKind, Level, Rating, RowKind } from '../../../shared/hypotheses';
import { AppError } from '../errors';
import { noteText } from '../notes/lexical';
import type { Db } from '../store/db';

export interface DbAnalysis {
  id: string;
  question: string;
  author: string;
  position: number;
  created_at: string;
  modified_at: string;
  deleted_at: string | null;
}

export interface DbHypothesis {
  id: string;
  analysis_id: string;
  title: string;
  kind: HypothesisKind;
  description: string;
  description_text: string;
  author: string;
  position: number;
  created_at: string;
  modified_at: string;
  deleted_at: string | null;
}

export interface DbRow {
  id: string;
  analysis_id: string;
  kind: RowKind;
  claim_id: string | null;
  text: string;
  credibility: Level | null;
  relevance: Level;
  doubtful: number;
  author: string;
  position: number;
  created_at: string;
  modified_at: string;
  deleted_at: string | null;
}

export interface DbRating {
  id: string;
  row_id: string;
  hypothesis_id: string;
  author: string;
  rating: Rating;
  rationale: string;
  created_at: string;
  modified_at: string;
  deleted_at: string | null;
}

export type NewRow = { kind: 'claim' | 'cluster'; claimId: string } | { kind: 'assumption' | 'absent'; text: string };

export const toAnalysis = (r: DbAnalysis): Analysis => ({
  id: r.id,
  question: r.question,
  author: r.author,
  position: r.position,
  createdAt: r.created_at,
  modifiedAt: r.modified_at,
});

export const toHypothesis = (r: DbHypothesis): Hypothesis => ({
  id: r.id,
  analysisId: r.analysis_id,
  title: r.title,
  kind: r.kind,
  description: r.description,
  descriptionText: r.description_text,
  author: r.author,
  position: r.position,
  createdAt: r.created_at,
  modifiedAt: r.modified_at,
});

/**
 * The records of competing-hypotheses analyses (migration 0013). Each method is one change the
 * caller wraps in an undo step; deletions are tombstones. A rating belongs to its author: setting
 * one writes the caller's own rating of the cell and never touches a colleague's.
 */
export class HypothesisStore {
  constructor(private readonly db: Db) {}

  analyses(): Analysis[] {
    return (this.db.prepare('SELECT * FROM hypothesis_analyses WHERE deleted_at IS NULL ORDER BY position, created_at').all() as DbAnalysis[]).map(toAnalysis);
  }

  analysis(id: string): Analysis {
    const row = this.db.prepare('SELECT * FROM hypothesis_analyses WHERE id = ? AND deleted_at IS NULL').get(id) as DbAnalysis | undefined;
    if (!row) throw new AppError('not-found', 'That analysis does not exist (it may have been deleted).');
    return toAnalysis(row);
  }

  createAnalysis(question: string, author: string, now: string): Analysis {
    const id = randomUUID();
    const position = this.nextPosition('hypothesis_analyses', null);
    this.db
      .prepare('INSERT INTO hypothesis_analyses (id, question, author, position, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, question, author, position, now, now);
    return this.analysis(id);
  }

  renameAnalysis(id: string, question: string, now: string): Analysis {
    this.analysis(id);
    this.db.prepare('UPDATE hypothesis_analyses SET question = ?, modified_at = ? WHERE id = ? AND question <> ?').run(question, now, id, question);
    return this.analysis(id);
  }

  deleteAnalysis(id: string, now: string): void {
    this.analysis(id);
    this.db.prepare('UPDATE hypothesis_analyses SET deleted_at = ?, modified_at = ? WHERE id = ?').run(now, now, id);
  }

  hypotheses(analysisId: string): Hypothesis[] {
    return (this.db.prepare('SELECT * FROM hypotheses WHERE analysis_id = ? AND deleted_at IS NULL ORDER BY position, created_at').all(analysisId) as DbHypothesis[]).map(
      toHypothesis,
    );
  }

  hypothesis(id: string): Hypothesis {
    const row = this.db
      .prepare(
        `SELECT h.* FROM hypotheses h JOIN hypothesis_analyses a ON a.id = h.analysis_id AND a.deleted_at IS NULL
         WHERE h.id = ? AND h.deleted_at IS NULL`,
      )
      .get(id) as DbHypothesis | undefined;
    if (!row) throw new AppError('not-found', 'That hypothesis does not exist (it may have been deleted).');
    return toHypothesis(row);
  }

  createHypothesis(analysisId: string, title: string, kind: HypothesisKind, author: string, now: string): Hypothesis {
    this.analysis(analysisId);
    const id = randomUUID();
    this.db
      .prepare('INSERT INTO hypotheses (id, analysis_id, title, kind, author, position, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, analysisId, title, kind, author, this.nextPosition('hypotheses', analysisId), now, now);
    return this.hypothesis(id);
  }

  updateHypothesis(id: string, patch: { title?: string | undefined; description?: string | undefined }, now: string): Hypothesis {
    const current = this.hypothesis(id);
    const title = patch.title ?? current.title;
    let description = current.description;
    let text = current.descriptionText;
    if (patch.description !== undefined) {
      text = patch.description === '' ? '' : noteText(patch.description);
      // An editor cleared to nothing stores as no description, so "has a description" means text.
      description = text.trim() === '' ? '' : patch.description;
    }
    if (title === current.title && description === current.description) return current;
    this.db
      .prepare('UPDATE hypotheses SET title = ?, description = ?, description_text = ?, modified_at = ? WHERE id = ?')
      .run(title, description, text, now, id);
    return this.hypothesis(id);
  }

  /** Moves a hypothesis to `index` among its analysis's columns; the others close up around it. */
  moveHypothesis(id: string, index: number, now: string): void {
    const h = this.hypothesis(id);
    const order = this.hypotheses(h.analysisId).filter((x) => x.id !== id);
    order.splice(Math.max(0, Math.min(index, order.length)), 0, h);
    const set = this.db.prepare('UPDATE hypotheses SET position = ?, modified_at = ? WHERE id = ? AND position <> ?');
    order.forEach((x, i) => set.run(i, now, x.id, i));
  }

  deleteHypothesis(id: string, now: string): void {
    this.hypothesis(id);
    this.db.prepare('UPDATE hypotheses SET deleted_at = ?, modified_at = ? WHERE id = ?').run(now, now, id);
  }

  rows(analysisId: string): DbRow[] {
    return this.db.prepare('SELECT * FROM hypothesis_rows WHERE analysis_id = ? AND deleted_at IS NULL ORDER BY position, created_at').all(analysisId) as DbRow[];
  }

  row(id: string): DbRow {
    const row = this.db
      .prepare(
        `SELECT r.* FROM hypothesis_rows r JOIN hypothesis_analyses a ON a.id = r.analysis_id AND a.deleted_at IS NULL
         WHERE r.id = ? AND r.deleted_at IS NULL`,
      )
      .get(id) as DbRow | undefined;
    if (!row) throw new AppError('not-found', 'That row of the matrix does not exist (it may have been deleted).');
    return row;
  }

  /**
   * Adds evidence rows at the end. A claim must be live; a claim already in the matrix — as its own
   * row or inside a cluster row — is not added twice (`covered` says which claims are), so a claim
   * repeated by several sources counts once. Returns the new rows' ids.
   */
  addRows(analysisId: string, rows: readonly NewRow[], covered: (claimId: string) => boolean, author: string, now: string): string[] {
    this.analysis(analysisId);
    const live = this.db.prepare('SELECT 1 FROM annotations WHERE id = ? AND deleted_at IS NULL');
    const insert = this.db.prepare(
      `INSERT INTO hypothesis_rows (id, analysis_id, kind, claim_id, text, author, position, created_at, modified_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let position = this.nextPosition('hypothesis_rows', analysisId);
    const ids: string[] = [];
    for (const r of rows) {
      if (r.kind === 'claim' || r.kind === 'cluster') {
        if (!live.get(r.claimId)) throw new AppError('not-found', 'That claim does not exist (it may have been deleted).');
        if (covered(r.claimId)) continue;
      }
      const id = randomUUID();
      insert.run(id, analysisId, r.kind, 'claimId' in r ? r.claimId : null, 'text' in r ? r.text : '', author, position++, now, now);
      ids.push(id);
    }
    return ids;
  }

  updateRow(id: string, patch: { credibility?: Level | null | undefined; relevance?: Level | undefined; doubtful?: boolean | undefined; text?: string | undefined }, now: string): void {
    const row = this.row(id);
    if (patch.text !== undefined && (row.kind === 'claim' || row.kind === 'cluster')) {
      throw new AppError('bad-input', 'A claim row shows its claim’s own words; edit the claim instead.');
    }
    const next = {
      credibility: patch.credibility === undefined ? row.credibility : patch.credibility,
      relevance: patch.relevance ?? row.relevance,
      doubtful: patch.doubtful === undefined ? row.doubtful : patch.doubtful ? 1 : 0,
      text: patch.text ?? row.text,
    };
    if (next.credibility === row.credibility && next.relevance === row.relevance && next.doubtful === row.doubtful && next.text === row.text) return;
    this.db
      .prepare('UPDATE hypothesis_rows SET credibility = ?, relevance = ?, doubtful = ?, text = ?, modified_at = ? WHERE id = ?')
      .run(next.credibility, next.relevance, next.doubtful, next.text, now, id);
  }

  moveRow(id: string, index: number, now: string): void {
    const row = this.row(id);
    const order = this.rows(row.analysis_id).filter((x) => x.id !== id);
    order.splice(Math.max(0, Math.min(index, order.length)), 0, row);
    const set = this.db.prepare('UPDATE hypothesis_rows SET position = ?, modified_at = ? WHERE id = ? AND position <> ?');
    order.forEach((x, i) => set.run(i, now, x.id, i));
  }

  deleteRow(id: string, now: string): void {
    this.row(id);
    this.db.prepare('UPDATE hypothesis_rows SET deleted_at = ?, modified_at = ? WHERE id = ?').run(now, now, id);
  }

  /** The live ratings of an analysis's live rows and hypotheses, every author's. */
  ratings(analysisId: string): DbRating[] {
    return this.db
      .prepare(
        `SELECT g.* FROM hypothesis_ratings g
         JOIN hypothesis_rows r ON r.id = g.row_id AND r.deleted_at IS NULL AND r.analysis_id = ?
         JOIN hypotheses h ON h.id = g.hypothesis_id AND h.deleted_at IS NULL AND h.analysis_id = ?
         WHERE g.deleted_at IS NULL ORDER BY r.position, h.position, g.author`,
      )
      .all(analysisId, analysisId) as DbRating[];
  }

  private cell(rowId: string, hypothesisId: string): { row: DbRow; hypothesis: Hypothesis } {
    const row = this.row(rowId);
    const hypothesis = this.hypothesis(hypothesisId);
    if (row.analysis_id !== hypothesis.analysisId) throw new AppError('bad-input', 'That row and that hypothesis belong to different analyses.');
    return { row, hypothesis };
  }

  private own(rowId: string, hypothesisId: string, author: string): DbRating | undefined {
    return this.db.prepare('SELECT * FROM hypothesis_ratings WHERE row_id = ? AND hypothesis_id = ? AND author = ?').get(rowId, hypothesisId, author) as
      | DbRating
      | undefined;
  }

  /** Sets (null: clears) the author's own rating of a cell; the rationale stays with it. Returns whether anything changed. */
  rate(rowId: string, hypothesisId: string, rating: Rating | null, author: string, now: string): boolean {
    this.cell(rowId, hypothesisId);
    const existing = this.own(rowId, hypothesisId, author);
    if (rating === null) {
      if (!existing || existing.deleted_at !== null) return false;
      this.db.prepare('UPDATE hypothesis_ratings SET deleted_at = ?, modified_at = ? WHERE id = ?').run(now, now, existing.id);
      return true;
    }
    if (!existing) {
      this.db
        .prepare(
          `INSERT INTO hypothesis_ratings (id, row_id, hypothesis_id, author, rating, created_at, modified_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(randomUUID(), rowId, hypothesisId, author, rating, now, now);
      return true;
    }
    if (existing.deleted_at === null && existing.rating === rating) return false;
    this.db.prepare('UPDATE hypothesis_ratings SET rating = ?, deleted_at = NULL, modified_at = ? WHERE id = ?').run(rating, now, existing.id);
    return true;
  }

  /** The author's rationale for their rating of a cell; a cell must be rated before it can be explained. */
  explain(rowId: string, hypothesisId: string, rationale: string, author: string, now: string): void {
    this.cell(rowId, hypothesisId);
    const existing = this.own(rowId, hypothesisId, author);
    if (!existing || existing.deleted_at !== null) throw new AppError('bad-input', 'Rate the cell first, then give the reason for the rating.');
    if (existing.rationale === rationale) return;
    this.db.prepare('UPDATE hypothesis_ratings SET rationale = ?, modified_at = ? WHERE id = ?').run(rationale, now, existing.id);
  }

  /** Live hypotheses and questions whose words contain `q` (case-insensitive in any script), for search. */
  find(q: string, limit: number): { analysis: Analysis; hypothesis: Hypothesis | null; field: 'question' | 'title' | 'description'; text: string }[] {
    const needle = q.trim().toLocaleLowerCase().replaceAll('ё', 'е');
    if (!needle) return [];
    const fold = (s: string) => s.toLocaleLowerCase().replaceAll('ё', 'е');
    const out: ReturnType<HypothesisStore['find']> = [];
    for (const analysis of this.analyses()) {
      if (fold(analysis.question).includes(needle)) out.push({ analysis, hypothesis: null, field: 'question', text: analysis.question });
      for (const h of this.hypotheses(analysis.id)) {
        if (fold(h.title).includes(needle)) out.push({ analysis, hypothesis: h, field: 'title', text: h.title });
        else if (fold(h.descriptionText).includes(needle)) out.push({ analysis, hypothesis: h, field: 'description', text: h.descriptionText });
      }
      if (out.length >= limit) break;
    }
    return out.slice(0, limit);
  }

  private nextPosition(table: 'hypothesis_analyses' | 'hypotheses' | 'hypothesis_rows', analysisId: string | null): number {
    const sql =
      table === 'hypothesis_analyses'
        ? 'SELECT COALESCE(MAX(position) + 1, 0) FROM hypothesis_analyses'
        : `SELECT COALESCE(MAX(position) + 1, 0) FROM ${table} WHERE analysis_id = ?`;
    const stmt = this.db.prepare(sql).pluck();
    return Number(analysisId === null ? stmt.get() : stmt.get(analysisId));
  }
}
