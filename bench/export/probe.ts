/**
 * `node build/export-probe.mjs [--runs N] [--formats docx,pdf] [--small] [--keep DIR] [--project FILE]`: times the
 * dossier export of a generated 10,000-claim project in each format and prints median, p95 and the
 * budget per format. Not a test: speed is measured here, never asserted in `npm test`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/dossier';
import { runExportCase } from './case';

const USAGE = 'usage: node build/export-probe.mjs [--runs N] [--formats html,pdf,docx,md,json,csv] [--small] [--keep DIR] [--project FILE] [--json]';

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function p95(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]!;
}

async function main(argv: string[]): Promise<number> {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const runs = Number(value('--runs') ?? 5);
  const formats = (value('--formats')?.split(',') ?? [...EXPORT_FORMATS]) as ExportFormat[];
  if (argv.includes('--help') || !Number.isInteger(runs) || runs < 1 || formats.some((f) => !EXPORT_FORMATS.includes(f))) {
    console.error(USAGE);
    return argv.includes('--help') ? 0 : 2;
  }
  const keepDir = value('--keep') ? path.resolve(value('--keep')!) : null;
  if (keepDir) fs.mkdirSync(keepDir, { recursive: true });
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossread-export-probe-'));
  try {
    const rows = await runExportCase({
      runs,
      workDir,
      formats,
      keepDir,
      projectFile: value('--project') ? path.resolve(value('--project')!) : null,
      log: (m) => console.error(`[probe] ${m}`),
      ...(argv.includes('--small') ? { size: { documents: 10, claimsPerDocument: 100, linkEvery: 4, noteEvery: 3 } } : {}),
    });
    if (argv.includes('--json')) {
      console.log(JSON.stringify({ cores: os.cpus().length, load: os.loadavg(), runs, rows }, null, 2));
      return 0;
    }
    console.log(`\n${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, Node ${process.version}, ${runs} runs\n`);
    console.log(`${'metric'.padEnd(44)} ${'median'.padStart(9)} ${'p95'.padStart(9)} ${'min'.padStart(9)} ${'cpu med'.padStart(9)} ${'budget'.padStart(9)}  ok`);
    let failed = false;
    for (const r of rows) {
      const m = median(r.samples);
      const ok = r.budget ? m < r.budget.limit : undefined;
      if (ok === false) failed = true;
      const ms = (x: number) => `${x.toFixed(0)} ms`.padStart(9);
      console.log(`${r.metric.padEnd(44)} ${ms(m)} ${ms(p95(r.samples))} ${ms(Math.min(...r.samples))} ${r.cpu ? ms(median(r.cpu)) : ''.padStart(9)} ${r.budget ? ms(r.budget.limit) : ''.padStart(9)}  ${ok === undefined ? '' : ok ? 'yes' : 'NO'}`);
    }
    return failed ? 1 : 0;
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

process.exitCode = await main(process.argv.slice(2));
