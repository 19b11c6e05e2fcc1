// `npm run security`: Electronegativity on the built bundles (out/electron, out/renderer).
//
// - It scans compiled JavaScript, not our TypeScript (its parser predates TS 5+ syntax), and it
//   only looks at .js/.html files, so the .cjs bundles are staged under .js names first.
// - It must run offline and quickly: it fetches translations and Electron's release list with
//   `got`; here `got` is replaced by a function that fails at once, so no request is ever made.
// - The gate fails on any finding of HIGH severity or above, on any finding not listed in
//   ACCEPTED below (each with the reason it is acceptable; README "Security" lists them too),
//   and on files it could not parse.
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Findings we keep, by check id, and why. */
export const ACCEPTED = {
  // csp-evaluator's note on script-src 'self': "can be problematic if you host JSONP, Angular or
  // user uploaded files". 'self' is app://crossread (browser mode: the loopback server), which
  // serves only the built renderer bundle, read-only; imported documents never become URLs.
  CSP_GLOBAL_CHECK: "script-src 'self' is flagged in case the origin hosts JSONP or uploads; ours serves only the built bundle",
};

const FAILING_SEVERITIES = new Set(['HIGH', 'CRITICAL']);

function stageBundles() {
  const out = path.join(root, 'out');
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'crossread-scan-'));
  for (const name of ['main', 'preload']) {
    const bundle = path.join(out, 'electron', `${name}.cjs`);
    if (!fs.existsSync(bundle)) throw new Error(`${path.relative(root, bundle)} is missing: run \`npm run build\` first.`);
    fs.mkdirSync(path.join(stage, 'electron'), { recursive: true });
    fs.copyFileSync(bundle, path.join(stage, 'electron', `${name}.js`));
  }
  fs.cpSync(path.join(out, 'renderer'), path.join(stage, 'renderer'), { recursive: true });
  return stage;
}

function withoutNetwork() {
  const load = Module._load;
  Module._load = function offlineLoad(request, ...rest) {
    if (request === 'got') return () => Promise.reject(new Error('offline: Crossread scans without network'));
    return load.call(this, request, ...rest);
  };
}

/** Scans the built app: out/electron and out/renderer. */
export async function scan() {
  const stage = stageBundles();
  try {
    return await scanDir(stage);
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

/** Scans `dir` and returns { checks, errors, findings }; findings carry id, severity, file, line, description. */
export async function scanDir(dir) {
  withoutNetwork();
  const electronVersion = require('electron/package.json').version;
  const run = require('@doyensec/electronegativity');
  // It greets with a console.log when the (stubbed) translation fetch fails; keep the output ours.
  const log = console.log;
  console.log = () => undefined;
  try {
    const result = await run({ input: dir, electronVersionOverride: electronVersion, isRelative: true }, false);
    return {
      checks: result.globalChecks + result.atomicChecks,
      errors: result.errors.filter((e) => !e.tolerable).map((e) => `${e.file}: ${e.message}`),
      findings: result.issues.map((i) => ({
        id: i.id,
        severity: i.severity.name,
        confidence: i.confidence.name,
        file: i.file,
        line: i.location?.line ?? 0,
        description: i.description,
      })),
    };
  } finally {
    console.log = log;
  }
}

/** The problems that fail the gate, as lines of text (empty = pass). */
export function problems({ errors, findings }) {
  const lines = errors.map((e) => `could not parse ${e}`);
  for (const f of findings) {
    const where = `${f.id} (${f.severity}) at ${f.file}:${f.line}`;
    if (FAILING_SEVERITIES.has(f.severity)) lines.push(`${where}: high severity — ${f.description}`);
    else if (!Object.hasOwn(ACCEPTED, f.id)) lines.push(`${where}: not reviewed — ${f.description} (fix it, or add it to ACCEPTED with the reason)`);
  }
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await scan();
  for (const f of result.findings) {
    console.log(`${f.severity.padEnd(13)} ${f.id} ${f.file}:${f.line}${Object.hasOwn(ACCEPTED, f.id) ? ` — accepted: ${ACCEPTED[f.id]}` : ''}`);
  }
  const failed = problems(result);
  if (failed.length > 0) {
    console.error(`Electronegativity: ${failed.length} problem(s):\n  ${failed.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`Electronegativity: ${result.checks} checks on out/electron and out/renderer, ${result.findings.length} finding(s), none of high severity.`);
}
