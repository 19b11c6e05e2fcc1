/**
 * Competing-hypotheses analyses in annotation files. Every record is a W3C annotation with a
 * `cr:ach` extension saying what it is and carrying the fields W3C has no place for:
 * - an analysis: motivation `questioning`, its question as the body, targeting the collection;
 * - a hypothesis: motivation `assessing`, its title and description (HTML) as bodies, targeting its analysis;
 * - an evidence row: motivation `assessing`, targeting its claim (a typed row: its analysis);
 * - a rating: motivation `assessing`, targeting the claim and the hypothesis, the rating and the
 *   rationale in bodies (purposes `assessing` and `commenting`), the rater as creator.
 * Ids are the records' own UUIDs and deletions travel as `cr:deleted`, so they merge like claims:
 * changed on one side, that side wins; on both, the newer wins and the other is a conflict to review.
 * A rating belongs to its author, so a colleague's ratings arrive beside mine rather than over them.
 */
import { z } from 'zod';
import { HYPOTHESIS_KINDS, HypothesisTitle, Level, Question, Rating, ROW_KINDS, RATIONALE_MAX, ROW_TEXT_MAX } from '../../../shared/hypotheses';
import { richTextFromLexical, richTextToHtml } from '../../../shared/richtext';
import { AppError } from '../errors';
import type { Db } from '../store/db';
import type { Project } from '../store/project';
import type { DbAnalysis, DbHypothesis, DbRating, DbRow } from '../hypotheses/store';
import { decide, type Bases, type ItemKind } from './bases';
import { noteFromHtml } from './html-note';
import { COLLECTION_TARGET } from './memos';

type AchKind = Extract<ItemKind, `hypothesis${string}`>;
const TABLE: Record<AchKind, string> = {
  hypothesis_analysis: 'hypothesis_analyses',
  hypothesis: 'hypotheses',
  hypothesis_row: 'hypothesis_rows',
  hypothesis_rating: 'hypothesis_ratings',
};
export const ACH_KINDS = Object.keys(TABLE) as AchKind[];
export const isAchKind = (kind: string): kind is AchKind => kind in TABLE;

const urn = (id: string) => `urn:uuid:${id}`;
const UUID_URN = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const Ref = z.string().max(100).regex(UUID_URN, 'expected urn:uuid:<UUID>');
const idOf = (ref: string) => UUID_URN.exec(ref)![1]!.toLowerCase();
const htmlOf = (json: string) => (json ? richTextToHtml(richTextFromLexical(json)) : '');

const Ach = z.discriminatedUnion('type', [
  z.object({ type: z.literal('analysis'), question: Question, position: z.number().int() }).strict(),
  z.object({ type: z.literal('hypothesis'), analysis: Ref, title: HypothesisTitle, kind: z.enum(HYPOTHESIS_KINDS), position: z.number().int() }).strict(),
  z
    .object({
      type: z.literal('evidence'),
      analysis: Ref,
      kind: z.enum(ROW_KINDS),
      claim: Ref.nullable(),
      text: z.string().max(ROW_TEXT_MAX, `a row's text is at most ${ROW_TEXT_MAX} characters`),
      credibility: Level.nullable(),
      relevance: Level,
      doubtful: z.boolean(),
      position: z.number().int(),
    })
    .strict(),
  z.object({ type: z.literal('rating'), row: Ref, hypothesis: Ref }).strict(),
]);

/** One record of a file, as the columns of its table (checked, ready to write). */
export interface SharedAch {
  path: string;
  kind: AchKind;
  row: Record<string, string | number | null>;
  /** A hypothesis's description as the file's HTML, compared as HTML so the same text reads back equal. */
  html?: string;
}

interface Body {
  purpose?: string | string[] | undefined;
  value?: string | undefined;
}

const hasPurpose = (b: Body, p: string) => (Array.isArray(b.purpose) ? b.purpose.includes(p) : b.purpose === p);

/** Every analysis record with its merge base; tombstones included so a deletion travels. */
export function hypothesisItems(db: Db, bases: [ItemKind, string, string][]): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  const person = (name: string) => ({ type: 'Person', name });
  const common = (kind: AchKind, r: { id: string; author: string; created_at: string; modified_at: string; deleted_at: string | null }) => {
    bases.push([kind, r.id, r.modified_at]);
    return {
      id: urn(r.id),
      type: 'Annotation',
      creator: person(r.author),
      created: r.created_at,
      modified: r.modified_at,
      ...(r.deleted_at ? { 'cr:deleted': r.deleted_at } : {}),
    };
  };
  for (const a of db.prepare('SELECT * FROM hypothesis_analyses ORDER BY position, id').all() as DbAnalysis[]) {
    items.push({
      ...common('hypothesis_analysis', a),
      motivation: 'questioning',
      body: { type: 'TextualBody', purpose: 'questioning', value: a.question },
      target: COLLECTION_TARGET,
      'cr:ach': { type: 'analysis', question: a.question, position: a.position },
    });
  }
  for (const h of db.prepare('SELECT * FROM hypotheses ORDER BY analysis_id, position, id').all() as DbHypothesis[]) {
    const body: Record<string, unknown>[] = [{ type: 'TextualBody', purpose: 'describing', value: h.title }];
    if (h.description) body.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/html', value: htmlOf(h.description) });
    items.push({
      ...common('hypothesis', h),
      motivation: 'assessing',
      body,
      target: urn(h.analysis_id),
      'cr:ach': { type: 'hypothesis', analysis: urn(h.analysis_id), title: h.title, kind: h.kind, position: h.position },
    });
  }
  const claimOf = new Map<string, string | null>();
  for (const r of db.prepare('SELECT * FROM hypothesis_rows ORDER BY analysis_id, position, id').all() as DbRow[]) {
    claimOf.set(r.id, r.claim_id);
    items.push({
      ...common('hypothesis_row', r),
      motivation: 'assessing',
      target: urn(r.claim_id ?? r.analysis_id),
      'cr:ach': {
        type: 'evidence',
        analysis: urn(r.analysis_id),
        kind: r.kind,
        claim: r.claim_id ? urn(r.claim_id) : null,
        text: r.text,
        credibility: r.credibility,
        relevance: r.relevance,
        doubtful: r.doubtful === 1,
        position: r.position,
      },
    });
  }
  for (const g of db.prepare('SELECT * FROM hypothesis_ratings ORDER BY row_id, hypothesis_id, author').all() as DbRating[]) {
    const claim = claimOf.get(g.row_id);
    const body: Record<string, unknown>[] = [{ type: 'TextualBody', purpose: 'assessing', value: g.rating }];
    if (g.rationale) body.push({ type: 'TextualBody', purpose: 'commenting', value: g.rationale });
    items.push({
      ...common('hypothesis_rating', g),
      motivation: 'assessing',
      body,
      target: [...(claim ? [urn(claim)] : []), urn(g.hypothesis_id)],
      'cr:ach': { type: 'rating', row: urn(g.row_id), hypothesis: urn(g.hypothesis_id) },
    });
  }
  return items;
}

/**
 * Reads one record of a file, or throws a refusal naming its place (never its content).
 * `meta` is what the reader already took from the annotation: its id, author, times, tombstone, bodies.
 */
export function readAch(
  fileName: string,
  path: string,
  raw: unknown,
  meta: { id: string; author: string; created: string; modified: string; deleted: string | null; bodies: readonly unknown[] },
): SharedAch {
  const refuse = (where: string, why: string) => new AppError('bad-input', `${fileName} is not a usable annotation file: ${path}.${where}: ${why}`);
  const parsed = Ach.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refuse(['cr:ach', ...(issue?.path ?? [])].join('.'), issue?.message ?? 'not a competing-hypotheses record');
  }
  const a = parsed.data;
  const bodies = meta.bodies.filter((b): b is Body => typeof b === 'object' && b !== null);
  const base = { id: meta.id, created_at: meta.created, modified_at: meta.modified, deleted_at: meta.deleted };
  switch (a.type) {
    case 'analysis':
      return { path, kind: 'hypothesis_analysis', row: { ...base, question: a.question, author: meta.author, position: a.position } };
    case 'hypothesis': {
      const html = bodies.find((b) => hasPurpose(b, 'commenting'))?.value ?? '';
      const description = html ? noteFromHtml(html) : { json: '', text: '' };
      return {
        path,
        kind: 'hypothesis',
        html,
        row: { ...base, analysis_id: idOf(a.analysis), title: a.title, kind: a.kind, description: description.json, description_text: description.text, author: meta.author, position: a.position },
      };
    }
    case 'evidence': {
      const typed = a.kind === 'assumption' || a.kind === 'absent';
      if (typed === (a.claim !== null)) throw refuse('cr:ach.claim', typed ? 'a typed row names no claim' : 'a claim row needs its claim');
      return {
        path,
        kind: 'hypothesis_row',
        row: {
          ...base,
          analysis_id: idOf(a.analysis),
          kind: a.kind,
          claim_id: a.claim ? idOf(a.claim) : null,
          text: a.text,
          credibility: a.credibility,
          relevance: a.relevance,
          doubtful: a.doubtful ? 1 : 0,
          author: meta.author,
          position: a.position,
        },
      };
    }
    case 'rating': {
      const rated = bodies.findIndex((b) => hasPurpose(b, 'assessing'));
      const rating = Rating.safeParse(bodies[rated]?.value);
      if (!rating.success) throw refuse(rated < 0 ? 'body' : `body[${rated}].value`, 'a rating is one of CC, C, N, I, II or NA');
      const rationale = bodies.find((b) => hasPurpose(b, 'commenting'))?.value ?? '';
      if (rationale.length > RATIONALE_MAX) throw refuse('body', `a rationale is at most ${RATIONALE_MAX} characters`);
      return {
        path,
        kind: 'hypothesis_rating',
        row: { ...base, row_id: idOf(a.row), hypothesis_id: idOf(a.hypothesis), author: meta.author, rating: rating.data, rationale },
      };
    }
  }
}

export interface AchMergeContext {
  project: Project;
  records: readonly SharedAch[];
  bases: Bases;
  conflict(kind: ItemKind, id: string, losingSide: 'mine' | 'theirs', losing: unknown): void;
  markChanged(): void;
  skip(path: string, reason: string): void;
}

/** The columns compared to tell two versions apart (times and ids aside). */
const CONTENT: Record<AchKind, string[]> = {
  hypothesis_analysis: ['question', 'position'],
  hypothesis: ['analysis_id', 'title', 'kind', 'position'],
  hypothesis_row: ['analysis_id', 'kind', 'claim_id', 'text', 'credibility', 'relevance', 'doubtful', 'position'],
  hypothesis_rating: ['row_id', 'hypothesis_id', 'author', 'rating', 'rationale'],
};
/** What a record needs to exist already (in this project or earlier in the file). */
const PARENTS: Record<AchKind, [string, string][]> = {
  hypothesis_analysis: [],
  hypothesis: [['analysis_id', 'hypothesis_analyses']],
  hypothesis_row: [['analysis_id', 'hypothesis_analyses']],
  hypothesis_rating: [
    ['row_id', 'hypothesis_rows'],
    ['hypothesis_id', 'hypotheses'],
  ],
};

/** Merges the file's records parents first, so a colleague's new analysis arrives whole. */
export function mergeHypotheses(ctx: AchMergeContext): void {
  const db = ctx.project.database;
  for (const kind of ACH_KINDS) {
    for (const rec of ctx.records.filter((r) => r.kind === kind)) {
      const table = TABLE[kind];
      const missing = PARENTS[kind].find(([col, parent]) => !db.prepare(`SELECT 1 FROM ${parent} WHERE id = ?`).get(rec.row[col]));
      if (missing) {
        ctx.skip(rec.path, `a ${kind.replace('_', ' ')} whose ${missing[0].replace('_id', '')} is in neither this project nor the file`);
        continue;
      }
      // A rating is one per cell and author: the same analyst's rating made in two projects is one item.
      const local = (db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(rec.row.id) ??
        (kind === 'hypothesis_rating'
          ? db.prepare('SELECT * FROM hypothesis_ratings WHERE row_id = ? AND hypothesis_id = ? AND author = ?').get(rec.row.row_id, rec.row.hypothesis_id, rec.row.author)
          : undefined)) as Record<string, string | number | null> | undefined;
      const columns = Object.keys(rec.row);
      if (!local) {
        db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((c) => rec.row[c]));
        ctx.bases.set(kind, String(rec.row.id), String(rec.row.modified_at));
        ctx.markChanged();
        continue;
      }
      const id = String(local.id);
      const sameDescription = kind !== 'hypothesis' || htmlOf(String(local.description)) === (rec.html ?? '');
      const same = sameDescription && CONTENT[kind].every((c) => local[c] === rec.row[c]) && (local.deleted_at === null) === (rec.row.deleted_at === null);
      const d = decide(ctx.bases.get(kind, id), String(local.modified_at), String(rec.row.modified_at), same);
      if (d === 'conflict-keep') ctx.conflict(kind, id, 'theirs', snapshot(kind, rec.row));
      if (d === 'take' || d === 'conflict-take') {
        if (d === 'conflict-take') ctx.conflict(kind, id, 'mine', snapshot(kind, local));
        const set = columns.filter((c) => c !== 'id' && c !== 'created_at');
        db.prepare(`UPDATE ${table} SET ${set.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...set.map((c) => rec.row[c]), id);
        ctx.markChanged();
      }
      ctx.bases.set(kind, id, String(rec.row.modified_at));
    }
  }
}

/** A version of a record for the conflict list: its columns, with a readable name and time. */
function snapshot(kind: AchKind, row: Record<string, string | number | null>): Record<string, unknown> {
  const name = kind === 'hypothesis_analysis' ? row.question : kind === 'hypothesis' ? row.title : kind === 'hypothesis_row' ? row.text || row.claim_id : `${row.author}: ${row.rating}`;
  return { columns: row, title: String(name ?? ''), modified: row.modified_at, deleted: row.deleted_at };
}

/** The current version of a record, for the conflict list. */
export function currentAch(db: Db, kind: AchKind, id: string): Record<string, unknown> | null {
  const row = db.prepare(`SELECT * FROM ${TABLE[kind]} WHERE id = ?`).get(id) as Record<string, string | number | null> | undefined;
  return row ? snapshot(kind, row) : null;
}

/** Puts the losing version of a record in place, as a change made now. */
export function swapAch(db: Db, kind: AchKind, id: string, losing: Record<string, unknown>, now: string): void {
  const columns = losing.columns as Record<string, string | number | null> | undefined;
  if (!columns) throw new AppError('bad-input', 'That version cannot be put back.');
  const set = CONTENT[kind].concat(kind === 'hypothesis' ? ['description', 'description_text'] : []).filter((c) => c in columns);
  db.prepare(`UPDATE ${TABLE[kind]} SET ${set.map((c) => `${c} = ?`).join(', ')}, deleted_at = ?, modified_at = ? WHERE id = ?`).run(
    ...set.map((c) => columns[c] ?? null),
    columns.deleted_at ?? null,
    now,
    id,
  );
}
