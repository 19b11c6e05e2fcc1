import os from 'node:os';
import path from 'node:path';

/**
 * The app's own folder, the same one Electron calls userData, so the desktop app, browser mode and
 * the CLI share settings and recent projects. CROSSREAD_HOME overrides it (tests, portable use).
 */
export function defaultHomeDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CROSSREAD_HOME) return path.resolve(env.CROSSREAD_HOME);
  const home = os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Crossread');
  if (process.platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Crossread');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Crossread');
}
