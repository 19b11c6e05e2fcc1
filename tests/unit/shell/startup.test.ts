import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeOverride, projectPathFromArgv } from '../../../electron/startup';

describe('projectPathFromArgv', () => {
  const cwd = path.resolve('/home/ana/work');

  it('finds a project file given on the command line, made absolute', () => {
    expect(projectPathFromArgv(['/opt/Crossread/crossread', 'Gaza.crossread'], cwd)).toBe(path.join(cwd, 'Gaza.crossread'));
    expect(projectPathFromArgv(['electron', '.', '/data/Accords.CROSSREAD'], cwd)).toBe(path.resolve('/data/Accords.CROSSREAD'));
  });

  it('ignores the executable, switches and other files', () => {
    expect(projectPathFromArgv(['/x/evil.crossread'], cwd)).toBeUndefined();
    expect(projectPathFromArgv(['electron', '.', '--user-data-dir=/tmp/a.crossread', 'notes.txt'], cwd)).toBeUndefined();
  });
});

describe('homeOverride', () => {
  it('uses CROSSREAD_HOME when set, else nothing', () => {
    expect(homeOverride({ CROSSREAD_HOME: '/tmp/cr-home' })).toBe(path.resolve('/tmp/cr-home'));
    expect(homeOverride({ CROSSREAD_HOME: '  ' })).toBeUndefined();
    expect(homeOverride({})).toBeUndefined();
  });
});
