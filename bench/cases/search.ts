import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createBackend } from '../../electron/core/backend';
import { parseQuery } from '../../shared/words';
import { buildProject } from '../lib/fixture';
import type { BenchCase } from '../types';

const DOCS = 100;
const DOC_LENGTH = 100_000;

/** Words, word forms, pairs and phrases an analyst of the corpus would look for; common and rare. */
const QUERIES = [
  'Казахстан',
  'Казахстана',
  'соглашения',
  'Авраамовы соглашения',
  '"Авраамовы соглашения"',
  'инвестиций',
  'инфраструктуры',
  'редкоземельные металлы',
  'Средний коридор',
  'Иран',
  'Газа миротворцы',
  'межконфессиональный диалог',
  'уважение',
  'экономического развития',
  'Дональда Трампа',
  'цепочки поставок',
  'демонстрирует',
  'арабского',
  'безопасность региона',
  'миллиардов долларов',
];

/** Case 5: full-text queries over 100 documents of 100,000 characters (10 M characters). */
export const searchCase: BenchCase = {
  id: 'search',
  title: 'Search 100 documents (10 M characters)',
  async run(ctx) {
    const dir = fs.mkdtempSync(path.join(ctx.workDir, 'search-'));
    const specs = Array.from({ length: DOCS }, (_, i) => ({ title: `Search ${i + 1}`, length: DOC_LENGTH, claims: 0, seed: 500 + i }));
    const t0 = performance.now();
    const { file } = buildProject(dir, 'search', specs);
    ctx.log(`search: 100 documents generated and indexed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const home = path.join(dir, 'home');
    fs.mkdirSync(home);
    const backend = createBackend({ homeDir: home, resourcesDir: home, version: 'bench', projectPath: file, rememberRecent: false });
    const db = new Database(file, { readonly: true });
    const count = db.prepare('SELECT count(*) FROM search_fts WHERE search_fts MATCH ?').pluck();
    const app: number[] = [];
    const base: number[] = [];
    const perQuery = new Map<string, number[]>();
    try {
      const reps = ctx.quick ? 2 : 5;
      for (let rep = 0; rep < reps + 1; rep++) {
        for (const q of QUERIES) {
          let t = performance.now();
          const res = await backend.call('search.query', { q, limit: 200 });
          const took = performance.now() - t;
          const match = parseQuery(q)
            .map((keys) => `"${keys.join(' ')}"`)
            .join(' AND ');
          t = performance.now();
          count.get(match);
          const raw = performance.now() - t;
          // The first pass warms SQLite's page cache for both; it is not counted.
          if (rep === 0) {
            ctx.log(`search ${q}: ${res.total} hits`);
            continue;
          }
          app.push(took);
          base.push(raw);
          perQuery.set(q, [...(perQuery.get(q) ?? []), took]);
        }
      }
      for (const [q, times] of perQuery) {
        const sorted = [...times].sort((a, b) => a - b);
        ctx.log(`search ${q}: median ${sorted[sorted.length >> 1]!.toFixed(1)} ms, slowest ${sorted.at(-1)!.toFixed(1)} ms`);
      }
    } finally {
      db.close();
      backend.close();
    }
    return [
      {
        caseId: 'search',
        metric: `${QUERIES.length} queries × 100 docs / 10 M chars`,
        unit: 'ms',
        samples: app,
        baseline: base,
        budget: { kind: 'max', on: 'p95', limit: 30 },
        note: 'search.query (first page of 200 hits with context, every hit counted) through the core; baseline: raw FTS5 MATCH count of the same keys',
      },
    ];
  },
};
