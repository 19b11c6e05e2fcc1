// Bundles the benchmark (bench/*.ts) with esbuild and runs it; arguments pass through.
// The app itself must be built first (npm run bench does: the bench drives out/).
import { runBundled } from './run-bundled.mjs';

// Native SQLite and Playwright load from node_modules at run time.
await runBundled('bench/main.ts', 'bench.mjs', ['better-sqlite3', '@playwright/test', 'playwright', 'playwright-core']);
