import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createBackend } from '../../electron/core/backend';
import { Project } from '../../electron/core/store/project';
import { quoteOf, trimRange } from '../../shared/text';
import { spreadClaims } from '../lib/corpus';
import { buildProject, type BuiltDoc } from '../lib/fixture';
import type { BenchCase, BenchContext, Row } from '../types';

const DOCS = 10;
const PER_DOC = 1_000;
/** Claims written one API call each (the way the UI saves them), for the per-call row. */
const SINGLE_CALLS = 1_000;

interface Planned {
  documentId: string;
  start: number;
  end: number;
  tags: number[];
  /** Linked to the claim planned just before it (every other claim). */
  linkToPrevious: boolean;
}

function plan(docs: readonly BuiltDoc[]): Planned[] {
  return docs.flatMap((d, di) =>
    spreadClaims(d.text, PER_DOC, 100 + di, 3).map((c, i) => ({ documentId: d.id, ...c, linkToPrevious: i % 2 === 1 })),
  );
}

function fresh(ctx: BenchContext, name: string): { file: string; docs: BuiltDoc[] } {
  const dir = fs.mkdtempSync(path.join(ctx.workDir, `${name}-`));
  const specs = Array.from({ length: DOCS }, (_, i) => ({ title: `Store ${i + 1}`, length: 20_000, claims: 0, seed: 200 + i }));
  return buildProject(dir, name, specs);
}

/** 10,000 claims with their tags and 5,000 links through the store's own API, in one transaction. */
function throughCore(file: string, claims: readonly Planned[]): number {
  const project = Project.open(file);
  try {
    const tags = project.tags.list();
    const relation = project.relations.list()[0]!;
    const t0 = performance.now();
    project.write((now) => {
      let previous = '';
      for (const c of claims) {
        const a = project.annotations.create({ documentId: c.documentId, start: c.start, end: c.end, tagIds: c.tags.map((t) => tags[t]!.id) }, 'Bench', now);
        if (c.linkToPrevious) project.links.create({ fromId: previous, toId: a.id, relationId: relation.id }, 'Bench', now);
        previous = a.id;
      }
    });
    return performance.now() - t0;
  } finally {
    project.close();
  }
}

/** The baseline: the same rows through raw prepared statements in one transaction. */
function raw(file: string, claims: readonly Planned[], texts: Map<string, string>): number {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    const tags = db.prepare('SELECT id FROM tags ORDER BY position').pluck().all() as string[];
    const relation = db.prepare('SELECT id FROM relation_types LIMIT 1').pluck().get() as string;
    const insertClaim = db.prepare(
      'INSERT INTO annotations (id, document_id, start, end, exact, prefix, suffix, author, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertTag = db.prepare('INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)');
    const insertLink = db.prepare('INSERT INTO links (id, from_id, to_id, relation_id, author, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const t0 = performance.now();
    db.transaction(() => {
      const now = new Date().toISOString();
      let previous = '';
      for (const c of claims) {
        const text = texts.get(c.documentId)!;
        const { start, end } = trimRange(text, c.start, c.end);
        const q = quoteOf(text, start, end);
        const id = randomUUID();
        insertClaim.run(id, c.documentId, start, end, q.exact, q.prefix, q.suffix, 'Bench', now, now);
        for (const t of c.tags) insertTag.run(id, tags[t]);
        if (c.linkToPrevious) insertLink.run(randomUUID(), previous, id, relation, 'Bench', now, now);
        previous = id;
      }
    })();
    return performance.now() - t0;
  } finally {
    db.close();
  }
}

/** Claims saved one `annotations.create` call each (its own transaction and undo step), per call. */
async function perCall(ctx: BenchContext, file: string, claims: readonly Planned[]): Promise<number[]> {
  const home = fs.mkdtempSync(path.join(ctx.workDir, 'home-'));
  const backend = createBackend({ homeDir: home, resourcesDir: home, version: 'bench', projectPath: file, rememberRecent: false });
  try {
    const tags = await backend.call('tags.list', {});
    const times: number[] = [];
    for (const c of claims.slice(0, SINGLE_CALLS)) {
      const t0 = performance.now();
      await backend.call('annotations.create', { documentId: c.documentId, start: c.start, end: c.end, tagIds: c.tags.map((t) => tags[t]!.id) });
      times.push(performance.now() - t0);
    }
    return times;
  } finally {
    backend.close();
  }
}

/** Case 4: writing claims with tags and links. */
export const storeCase: BenchCase = {
  id: 'store',
  title: 'Store 10,000 claims with tags and links',
  async run(ctx) {
    const core: number[] = [];
    const base: number[] = [];
    let calls: number[] = [];
    // Run -1 warms the JIT and the file system cache for both sides and is not counted.
    for (let run = -1; run < ctx.runs; run++) {
      const a = fresh(ctx, `store-core-${run}`);
      const b = fresh(ctx, `store-raw-${run}`);
      const texts = new Map(b.docs.map((d) => [d.id, d.text]));
      const claimsA = plan(a.docs);
      const claimsB = plan(b.docs);
      let c: number;
      let r: number;
      if (run % 2) {
        r = raw(b.file, claimsB, texts);
        c = throughCore(a.file, claimsA);
      } else {
        c = throughCore(a.file, claimsA);
        r = raw(b.file, claimsB, texts);
      }
      if (run < 0) continue;
      core.push(c);
      base.push(r);
      ctx.log(`store: core ${core.at(-1)!.toFixed(0)} ms, raw ${base.at(-1)!.toFixed(0)} ms`);
      if (run === 0) {
        const c = fresh(ctx, 'store-calls');
        calls = await perCall(ctx, c.file, plan(c.docs));
      }
    }
    const rows: Row[] = [
      {
        caseId: 'store',
        metric: '10,000 claims + tags + 5,000 links',
        unit: 'ms',
        samples: core,
        baseline: base,
        budget: { kind: 'ratio', on: 'median', limit: 3 },
        note: 'core store API (annotations.create, links.create) in one transaction; baseline: raw better-sqlite3 prepared statements in one transaction',
      },
      {
        caseId: 'store',
        metric: 'one claim per API call (1,000 calls)',
        unit: 'ms',
        samples: calls,
        note: 'backend.call("annotations.create"): validation, its own transaction and undo step, synchronous=FULL',
      },
    ];
    return rows;
  },
};
