/**
 * Live team work (electron/core/team): two backends on their own project files and a Hocuspocus
 * server on loopback, as in the tests.
 * - propagation: a claim made through A's API, until it is a row in B's project file (applied, not
 *   painted: the page polls once a second on top of this);
 * - first full sync: a 10,000-claim project joining a team (every record sent), and an empty project
 *   joining it after (every record merged in); the baseline is the same records through a share
 *   file, export and import;
 * - the change log's triggers (migration 0015, installed when a project is bound): 10,000 claims
 *   written in one transaction with them vs without.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createBackend, type Backend } from '../../electron/core/backend';
import { exportText } from '../../electron/core/share/export';
import { importShared } from '../../electron/core/share/service';
import { Project } from '../../electron/core/store/project';
import { installSyncTriggers } from '../../electron/core/store/migrations/0015_team_sync';
import { startTestTeamServer } from '../../tests/support/team-server';
import { spreadClaims } from '../lib/corpus';
import { buildProject } from '../lib/fixture';
import { buildSharePair } from '../lib/share-fixtures';
import type { BenchCase, BenchContext, Row } from '../types';

/** Claims made one at a time for the propagation row. */
const PROPAGATIONS = 60;
const RESOURCES = path.resolve(import.meta.dirname, '../../resources');

function backendOn(ctx: BenchContext, name: string, project: string): Backend {
  const home = fs.mkdtempSync(path.join(ctx.workDir, `${name}-home-`));
  return createBackend({ homeDir: home, resourcesDir: RESOURCES, version: 'bench', projectPath: project, backupSchedule: false, rememberRecent: false });
}

async function until(check: () => boolean, limitMs: number): Promise<void> {
  const end = performance.now() + limitMs;
  while (!check()) {
    if (performance.now() > end) throw new Error('team: timed out waiting for the other side');
    await new Promise((r) => setTimeout(r, 1));
  }
}

const synced = async (b: Backend) => {
  const s = await b.call('team.status', {});
  return s.state === 'synced' && s.pending === 0;
};

async function waitSynced(b: Backend, limitMs: number): Promise<void> {
  const end = performance.now() + limitMs;
  while (!(await synced(b))) {
    if (performance.now() > end) throw new Error('team: timed out waiting for the sync');
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** A fresh empty project file. */
function emptyProject(ctx: BenchContext, name: string): string {
  const file = path.join(fs.mkdtempSync(path.join(ctx.workDir, `${name}-`)), `${name}.crossread`);
  Project.create(file).close();
  return file;
}

/** 10,000 claims in one transaction (ms), on a 10-document project, with the log as `mode` says. */
function writeClaims(ctx: BenchContext, run: number, mode: 'off' | 'bound'): number {
  const dir = fs.mkdtempSync(path.join(ctx.workDir, `triggers-${mode}-${run}-`));
  const specs = Array.from({ length: 10 }, (_, i) => ({ title: `Triggers ${i + 1}`, length: 20_000, claims: 0, seed: 300 + i }));
  const { file, docs } = buildProject(dir, 'triggers', specs);
  const project = Project.open(file);
  try {
    if (mode === 'bound') installSyncTriggers(project.database);
    const claims = docs.flatMap((d, i) => spreadClaims(d.text, 1_000, 400 + i, 3).map((c) => ({ documentId: d.id, start: c.start, end: c.end })));
    const t0 = performance.now();
    project.write((now) => {
      for (const c of claims) project.annotations.create({ ...c, tagIds: [] }, 'Bench', now);
    });
    return performance.now() - t0;
  } finally {
    project.close();
  }
}

export const teamCase: BenchCase = {
  id: 'team',
  title: 'Team: a claim from one backend applied in another; a 10,000-claim project joining a team; the change log’s cost',
  async run(ctx) {
    const server = await startTestTeamServer();
    const rows: Row[] = [];
    try {
      // ---- propagation, on the sample-sized project and on the 10,000-claim one ----
      for (const size of ['small', 'large'] as const) {
        const dir = fs.mkdtempSync(path.join(ctx.workDir, `team-${size}-`));
        const a = size === 'large' ? buildSharePair(dir).a : emptyProject(ctx, 'small-a');
        const A = backendOn(ctx, 'a', a);
        const B = backendOn(ctx, 'b', emptyProject(ctx, `${size}-b`));
        try {
          if (size === 'small') {
            const sample = path.join(RESOURCES, 'sample');
            const files = fs.readdirSync(sample).filter((f) => f.endsWith('.txt'));
            await A.call('documents.import', { files: files.map((f) => ({ name: f, dataBase64: fs.readFileSync(path.join(sample, f)).toString('base64') })) });
          }
          const team = `bench${size}`;
          await A.call('team.connect', { url: server.url, token: server.issueToken(team, 'a') });
          await waitSynced(A, 60_000);
          await B.call('team.connect', { url: server.url, token: server.issueToken(team, 'b') });
          await waitSynced(B, 60_000);
          const doc = (await A.call('documents.list', {}))[0]!;
          const text = (await A.call('documents.get', { id: doc.id })).text;
          const dbB = B.project()!.database.prepare('SELECT 1 FROM annotations WHERE id = ?');
          const samples: number[] = [];
          for (let i = -3; i < PROPAGATIONS; i++) {
            const start = 40 + ((i + 3) * 97) % Math.max(1, text.length - 200);
            const t0 = performance.now();
            const claim = await A.call('annotations.create', { documentId: doc.id, start, end: start + 60, tagIds: [] });
            await until(() => dbB.get(claim.id) !== undefined, 30_000);
            if (i >= 0) samples.push(performance.now() - t0);
          }
          ctx.log(`team: propagation (${size}) p50 ${samples.sort((x, y) => x - y)[samples.length >> 1]!.toFixed(0)} ms`);
          rows.push({
            caseId: 'team',
            metric: `claim applied on the other side (${size === 'small' ? 'sample project' : '10,000 claims'})`,
            unit: 'ms',
            samples,
            budget: { kind: 'max', on: 'p95', limit: 200 },
            note: 'annotations.create on A until the row is in B’s project file (merged through the file merge); the page shows it at its next status poll (≤ 1 s)',
          });
        } finally {
          A.close();
          B.close();
        }
      }

      // ---- first full sync of 10,000 claims vs a share file ----
      const joins: number[] = [];
      const receives: number[] = [];
      const fileRounds: number[] = [];
      for (let run = -1; run < ctx.runs; run++) {
        const dir = fs.mkdtempSync(path.join(ctx.workDir, `join-${run}-`));
        const { a } = buildSharePair(dir);
        const viaFile = fs.mkdtempSync(path.join(ctx.workDir, `join-file-${run}-`));
        const aCopy = path.join(viaFile, 'a.crossread');
        fs.copyFileSync(a, aCopy);
        const A = backendOn(ctx, 'join-a', a);
        const B = backendOn(ctx, 'join-b', emptyProject(ctx, `join-b-${run}`));
        try {
          const team = `join${run + 1}`;
          let t0 = performance.now();
          await A.call('team.connect', { url: server.url, token: server.issueToken(team, 'a') });
          await waitSynced(A, 120_000);
          const join = performance.now() - t0;
          t0 = performance.now();
          await B.call('team.connect', { url: server.url, token: server.issueToken(team, 'b') });
          await until(() => (B.project()!.database.prepare('SELECT count(*) FROM annotations').pluck().get() as number) >= 10_000, 120_000);
          const receive = performance.now() - t0;
          // The baseline: the same records as a share file with the texts, exported and imported.
          t0 = performance.now();
          const p = Project.open(aCopy);
          const text = exportText(p, { embedText: true });
          p.close();
          const target = Project.open(emptyProject(ctx, `join-file-b-${run}`));
          importShared(target, Buffer.from(text), 'a.crossread.json', false);
          target.close();
          const file = performance.now() - t0;
          if (run < 0) continue;
          joins.push(join);
          receives.push(receive);
          fileRounds.push(file);
          ctx.log(`team: join ${join.toFixed(0)} ms, receive ${receive.toFixed(0)} ms, via a file ${file.toFixed(0)} ms`);
        } finally {
          A.close();
          B.close();
        }
      }
      rows.push(
        {
          caseId: 'team',
          metric: 'a 10,000-claim project joins a team (everything sent)',
          unit: 'ms',
          samples: joins,
          baseline: fileRounds,
          budget: { kind: 'max', on: 'median', limit: 5000 },
          note: 'team.connect until synced with nothing pending; baseline: the same project exported as a share file with texts and imported into an empty project',
        },
        {
          caseId: 'team',
          metric: 'an empty project joins that team (10,000 claims merged in)',
          unit: 'ms',
          samples: receives,
          baseline: fileRounds,
          budget: { kind: 'max', on: 'median', limit: 5000 },
          note: 'team.connect until the 10,000th claim is a row of the project file',
        },
      );

      // ---- the change log's triggers ----
      const none: number[] = [];
      const bound: number[] = [];
      for (let run = -1; run < ctx.runs; run++) {
        const n = writeClaims(ctx, run, 'off');
        const b = writeClaims(ctx, run, 'bound');
        if (run < 0) continue;
        none.push(n);
        bound.push(b);
      }
      rows.push({
        caseId: 'team',
        metric: '10,000 claims written, project shared live',
        unit: 'ms',
        samples: bound,
        baseline: none,
        budget: { kind: 'ratio', on: 'median', limit: 1.3 },
        note: 'one transaction through the store, with the change log’s triggers; baseline: the same without them (a project never shared has none)',
      });
    } finally {
      await server.dispose();
    }
    return rows;
  },
};
