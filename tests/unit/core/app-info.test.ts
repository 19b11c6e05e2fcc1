import { describe, expect, it } from 'vitest';
import { makeBackend, tempDir } from './helpers';

describe('app.info', () => {
  it('reports the versions for the About dialog and where the app keeps its files', async () => {
    const home = tempDir();
    const info = await makeBackend(home).call('app.info', {});
    expect(info.versions.node).toBe(process.versions.node);
    expect(info.versions.sqlite).toMatch(/^3\.\d+\.\d+$/);
    // Under plain Node (browser mode, CLI) there is no Electron or Chromium to report.
    expect(info.versions.electron).toBeNull();
    expect(info.versions.chrome).toBeNull();
    expect(info.dataDir).toBe(home);
  });
});
