/**
 * The Electronegativity gate (build/security.mjs, run by `npm test` as `npm run security`) must be
 * able to fail: a deliberately unsafe window is caught as high severity, and an unreviewed finding
 * fails too. The real bundles are scanned by the gate itself, after the build.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain .mjs build script without type declarations
import { problems, scanDir } from '../../../build/security.mjs';

interface Finding {
  id: string;
  severity: string;
  file: string;
  line: number;
  description: string;
}
interface ScanResult {
  checks: number;
  errors: string[];
  findings: Finding[];
}
const scanFixture = scanDir as (dir: string) => Promise<ScanResult>;
const gateProblems = problems as (result: ScanResult) => string[];

describe('Electronegativity gate', () => {
  it('catches a window with Node integration and no context isolation as high severity, offline', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossread-unsafe-'));
    fs.writeFileSync(
      path.join(dir, 'main.js'),
      "const { BrowserWindow } = require('electron');\n" +
        "const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n" +
        "win.loadURL('http://example.com/');\n",
    );
    const result = await scanFixture(dir);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(result.checks).toBeGreaterThan(30);
    const ids = result.findings.map((f) => f.id);
    expect(ids).toContain('SANDBOX_JS_CHECK');
    expect(ids).toContain('CONTEXT_ISOLATION_JS_CHECK');
    const failed = gateProblems(result);
    expect(failed.some((line) => line.includes('high severity'))).toBe(true);
  }, 60_000);

  it('fails on a finding nobody reviewed, passes an accepted one', () => {
    const finding = (id: string): Finding => ({ id, severity: 'LOW', file: 'renderer/index.html', line: 4, description: 'x' });
    expect(gateProblems({ checks: 42, errors: [], findings: [finding('CSP_GLOBAL_CHECK')] })).toEqual([]);
    expect(gateProblems({ checks: 42, errors: [], findings: [finding('OPEN_EXTERNAL_JS_CHECK')] })[0]).toMatch(/not reviewed/);
    expect(gateProblems({ checks: 42, errors: ['main.js: Unexpected token'], findings: [] })[0]).toMatch(/could not parse/);
  });
});
