import { execFileSync } from 'node:child_process';
import os from 'node:os';

/** The machine the numbers were measured on. */
export function machine(): { cpu: string; cores: number; ramGb: number; node: string; chromium: string } {
  let chromium = 'Chromium (unknown version)';
  try {
    chromium = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // Reported as unknown; the numbers still stand.
  }
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: os.availableParallelism(),
    ramGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    chromium,
  };
}
