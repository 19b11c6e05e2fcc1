// Bundles the export probe (bench/export/probe.ts) with esbuild and runs it; arguments pass through.
// NODE_OPTIONS=--cpu-prof (with --cpu-prof-dir) profiles it like any Node program.
import { runBundled } from './run-bundled.mjs';

await runBundled('bench/export/probe.ts', 'export-probe.mjs', ['better-sqlite3']);
