import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Log, LOG_FILE_NAME } from '../../../electron/core/log';
import { tempDir } from './helpers';

describe('log file', () => {
  it('writes timestamped lines to <home>/logs/crossread.log, errors with their stack', () => {
    const dir = path.join(tempDir(), 'logs');
    const log = new Log();
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(log.toFile(dir)).toBe(path.join(dir, LOG_FILE_NAME));
    log.info('started Crossread 0.1.0');
    log.error('import failed', new Error('boom'));
    quiet.mockRestore();
    const lines = fs.readFileSync(log.path()!, 'utf8');
    expect(lines).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z INFO started Crossread 0\.1\.0\n/);
    expect(lines).toMatch(/ERROR import failed: Error: boom\n +at /);
  });

  it('rotates by size and keeps only the configured generations', () => {
    const dir = tempDir();
    const log = new Log();
    log.toFile(dir, { maxBytes: 200, keep: 2 });
    for (let i = 0; i < 40; i++) log.info(`line ${i} ${'x'.repeat(40)}`);
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual([LOG_FILE_NAME, `${LOG_FILE_NAME}.1`, `${LOG_FILE_NAME}.2`]);
    for (const f of files) expect(fs.statSync(path.join(dir, f)).size).toBeLessThanOrEqual(200);
    expect(fs.readFileSync(path.join(dir, LOG_FILE_NAME), 'utf8')).toContain('line 39 ');
  });
});
