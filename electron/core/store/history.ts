import type { HistoryState } from '../../../shared/contract';
import { AppError } from '../errors';
import type { Db } from './db';

/** How many undo steps a project keeps; older ones are forgotten. */
export const HISTORY_LIMIT = 200;

/*
 * The only statements the journal's triggers write (migration 0002). A project file may come from
 * someone else, so its journal is untrusted: anything else in it (an ATTACH that writes a file,
 * a DROP) is never run.
 */
const LITERAL = String.raw`(?:'(?:[^']|'')*'|-?\d+(?:\.\d+)?|NULL)`;
const NOW = String.raw`strftime\('%Y-%m-%dT%H:%M:%fZ', 'now'\)`;
const ASSIGN = String.raw`(?:"[a-z_]+"|deleted_at|modified_at) = (?:${LITERAL}|${NOW})`;
const JOURNAL_SQL = [
  new RegExp(String.raw`^UPDATE (?:annotations|links) SET ${ASSIGN}(?:, ${ASSIGN})* WHERE id = ${LITERAL}$`),
  new RegExp(String.raw`^INSERT INTO (?:annotations|links) \((?:"[a-z_]+", )*"[a-z_]+"\) VALUES \((?:${LITERAL}, )*${LITERAL}\)$`),
  new RegExp(String.raw`^DELETE FROM annotation_tags WHERE annotation_id = ${LITERAL} AND tag_id = ${LITERAL}$`),
  new RegExp(String.raw`^INSERT INTO annotation_tags \(annotation_id, tag_id\) VALUES \(${LITERAL}, ${LITERAL}\)$`),
];

/** Whether `sql` is one of the statements the undo triggers write, and nothing else. */
export function isJournalSql(sql: string): boolean {
  return JOURNAL_SQL.some((re) => re.test(sql));
}

interface LogRow {
  seq: number;
  tbl: string;
  row_id: string;
  sql: string;
}

/**
 * The persistent undo/redo history of a project (design in migration 0002). A step is recorded by
 * triggers while `undo_state.step` is set; undoing it replays its inverse SQL newest first while the
 * same triggers record the SQL that redoes it, which then replaces the step's log. Everything runs
 * inside the caller's write transaction, so a step, an undo or a redo lands whole or not at all.
 */
export class History {
  constructor(private readonly db: Db) {}

  state(): HistoryState {
    const undo = this.db.prepare('SELECT label FROM undo_steps WHERE undone = 0 ORDER BY id DESC LIMIT 1').get() as { label: string } | undefined;
    const redo = this.db.prepare('SELECT label FROM undo_steps WHERE undone = 1 ORDER BY id ASC LIMIT 1').get() as { label: string } | undefined;
    return { canUndo: !!undo, canRedo: !!redo, undoLabel: undo?.label ?? null, redoLabel: redo?.label ?? null };
  }

  /**
   * Runs `fn` as one undo step called `label`. Must be called inside a write transaction. A step
   * that changed nothing is dropped and leaves the redo branch alone; one that changed something
   * discards the redo branch, as a new action does in any editor.
   */
  record<T>(label: string | ((result: T) => string), now: string, fn: () => T): T {
    if (this.db.prepare('SELECT step FROM undo_state WHERE id = 1').pluck().get() !== null) {
      throw new AppError('internal', 'An undo step is already being recorded.');
    }
    const step = Number(this.db.prepare(`INSERT INTO undo_steps (label, created_at) VALUES ('', ?)`).run(now).lastInsertRowid);
    this.setRecording(step);
    let result: T;
    try {
      result = fn();
    } finally {
      this.setRecording(null);
    }
    const changed = this.db.prepare('SELECT 1 FROM undo_log WHERE step = ? LIMIT 1').get(step);
    if (!changed) {
      this.db.prepare('DELETE FROM undo_steps WHERE id = ?').run(step);
      return result;
    }
    this.db.prepare('UPDATE undo_steps SET label = ? WHERE id = ?').run(typeof label === 'function' ? label(result) : label, step);
    this.forget('DELETE FROM undo_steps WHERE undone = 1 RETURNING id');
    this.forget(`DELETE FROM undo_steps WHERE id NOT IN (SELECT id FROM undo_steps ORDER BY id DESC LIMIT ${HISTORY_LIMIT}) RETURNING id`);
    return result;
  }

  /**
   * Undoes the newest step. Must be called inside a write transaction. A step that can no longer be
   * reversed throws a 'conflict' after forgetting it: the caller should commit, then report it.
   */
  undo(): void {
    const step = this.db.prepare('SELECT id, label FROM undo_steps WHERE undone = 0 ORDER BY id DESC LIMIT 1').get() as
      | { id: number; label: string }
      | undefined;
    if (!step) throw new AppError('conflict', 'There is nothing to undo.');
    this.replay(step, 1);
  }

  /** Redoes the step undone last. Must be called inside a write transaction. */
  redo(): void {
    const step = this.db.prepare('SELECT id, label FROM undo_steps WHERE undone = 1 ORDER BY id ASC LIMIT 1').get() as
      | { id: number; label: string }
      | undefined;
    if (!step) throw new AppError('conflict', 'There is nothing to redo.');
    this.replay(step, 0);
  }

  /** Forgets every step (undone or not). */
  clear(): void {
    this.db.exec('DELETE FROM undo_log; DELETE FROM undo_steps;');
  }

  private replay(step: { id: number; label: string }, undone: 0 | 1): void {
    const rows = this.db.prepare('SELECT seq, tbl, row_id, sql FROM undo_log WHERE step = ? ORDER BY seq DESC').all(step.id) as LogRow[];
    // The reversal is recorded under a scratch id, then becomes the step's log.
    const scratch = -step.id;
    const conflict = this.tryReplay(rows, scratch);
    if (conflict) {
      // What this step touched was changed since by something that is not an undo step (a
      // document or relation deleted): it can no longer be reversed, and nor can anything older.
      this.forget(`DELETE FROM undo_steps WHERE id <= ${step.id} AND undone = 0 RETURNING id`);
      if (undone === 0) this.forget(`DELETE FROM undo_steps WHERE undone = 1 RETURNING id`);
      throw new AppError('conflict', `“${step.label}” can no longer be ${undone ? 'undone' : 'redone'}: ${conflict}`);
    }
    this.db.prepare('DELETE FROM undo_log WHERE step = ?').run(step.id);
    this.db.prepare('UPDATE undo_log SET step = ? WHERE step = ?').run(step.id, scratch);
    this.db.prepare('UPDATE undo_steps SET undone = ? WHERE id = ?').run(undone, step.id);
  }

  /** Replays `rows` in a savepoint; returns why the result is inconsistent (and rolls it back), or null. */
  private tryReplay(rows: readonly LogRow[], scratch: number): string | null {
    let problem: string | null = null;
    if (!rows.every((r) => isJournalSql(r.sql))) return 'the history stored in this file is damaged.';
    const run = this.db.transaction(() => {
      this.setRecording(scratch);
      try {
        // prepare() takes exactly one statement, on top of the check above.
        for (const row of rows) this.db.prepare(row.sql).run();
      } finally {
        this.setRecording(null);
      }
      problem = this.inconsistency(rows);
      if (problem) throw new RollBack();
    });
    try {
      run();
    } catch (err) {
      if (err instanceof RollBack) return problem;
      // A constraint only fails when rows the step touched were changed outside the history (a merge).
      if (String((err as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT')) return 'what it changed has been changed since.';
      throw err;
    }
    return problem;
  }

  /** Checks the rows a replay touched: live claims need a live document, live links live claims and relation. */
  private inconsistency(rows: readonly LogRow[]): string | null {
    const claims = new Set(rows.filter((r) => r.tbl === 'annotations' || r.tbl === 'annotation_tags').map((r) => r.row_id));
    const links = new Set(rows.filter((r) => r.tbl === 'links').map((r) => r.row_id));
    const orphanClaim = this.db.prepare(
      `SELECT 1 FROM annotations a JOIN documents d ON d.id = a.document_id
       WHERE a.id = ? AND a.deleted_at IS NULL AND d.deleted_at IS NOT NULL`,
    );
    for (const id of claims) if (orphanClaim.get(id)) return 'its document has been deleted.';
    const orphanLink = this.db.prepare(
      `SELECT f.deleted_at IS NOT NULL AS fromDead, t.deleted_at IS NOT NULL AS toDead, r.deleted_at IS NOT NULL AS relationDead
       FROM links l JOIN annotations f ON f.id = l.from_id JOIN annotations t ON t.id = l.to_id
         JOIN relation_types r ON r.id = l.relation_id
       WHERE l.id = ? AND l.deleted_at IS NULL`,
    );
    for (const id of links) {
      const row = orphanLink.get(id) as { fromDead: number; toDead: number; relationDead: number } | undefined;
      if (row?.relationDead) return 'its relation has been deleted.';
      if (row && (row.fromDead || row.toDead)) return 'one of its claims has been deleted.';
    }
    return null;
  }

  private setRecording(step: number | null): void {
    this.db.prepare('UPDATE undo_state SET step = ? WHERE id = 1').run(step);
  }

  private forget(deleteStepsReturningIds: string): void {
    const ids = this.db.prepare(deleteStepsReturningIds).pluck().all() as number[];
    const log = this.db.prepare('DELETE FROM undo_log WHERE step = ? OR step = ?');
    for (const id of ids) log.run(id, -id);
  }
}

/** Thrown to roll a savepoint back; never leaves this file. */
class RollBack extends Error {}
