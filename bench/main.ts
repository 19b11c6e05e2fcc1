/**
 * `npm run bench [-- case…] [--quick] [--json]`: runs the benchmark cases (all, or the ones named),
 * each several times, and prints a table of median, p95, the baseline measured in the same run,
 * their ratio and the budget — or, with --json, the same as JSON on stdout.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CASES } from './cases/index';
import { machine } from './lib/machine';
import { summarize, table, type Result } from './lib/report';
import type { BenchContext } from './types';

const USAGE = `usage: npm run bench -- [case…] [--quick] [--json] [--runs N] [--profile DIR]
cases: ${CASES.map((c) => c.id).join(', ')}`;

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const quick = argv.includes('--quick');
  const runsAt = argv.indexOf('--runs');
  const profileAt = argv.indexOf('--profile');
  const profileDir = profileAt >= 0 ? path.resolve(argv[profileAt + 1] ?? 'bench-profiles') : null;
  if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : quick ? 2 : 5;
  const names = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--runs' && argv[i - 1] !== '--profile');
  if (argv.includes('--help') || !Number.isInteger(runs) || runs < 1) {
    console.error(USAGE);
    return argv.includes('--help') ? 0 : 2;
  }
  const unknown = names.filter((n) => !CASES.some((c) => c.id === n));
  if (unknown.length > 0) {
    console.error(`unknown case: ${unknown.join(', ')}\n${USAGE}`);
    return 2;
  }
  const selected = names.length > 0 ? CASES.filter((c) => names.includes(c.id)) : CASES;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossread-bench-'));
  const ctx: BenchContext = { quick, runs, workDir, log: (m) => console.error(`[bench] ${m}`), profileDir };
  const results: Result[] = [];
  const failed: { caseId: string; error: string }[] = [];
  try {
    for (const c of selected) {
      ctx.log(`${c.id}: ${c.title}`);
      try {
        for (const row of await c.run(ctx)) results.push(summarize(row));
      } catch (err) {
        // One broken case must not hide the others' numbers.
        failed.push({ caseId: c.id, error: (err as Error).stack ?? String(err) });
        ctx.log(`${c.id} failed: ${(err as Error).message}`);
      }
    }
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  if (json) {
    console.log(JSON.stringify({ machine: machine(), quick, runs, results, failed }, null, 2));
  } else {
    const m = machine();
    console.log(`\n${m.cpu} × ${m.cores} cores, ${m.ramGb} GB RAM, Node ${m.node}, ${m.chromium}${quick ? ' (quick mode)' : ''}\n`);
    console.log(table(results));
    for (const f of failed) console.log(`\n${f.caseId} FAILED:\n${f.error}`);
  }
  return failed.length > 0 || results.some((r) => r.pass === false) ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
