/**
 * Startup decisions that need no Electron: which project file the command line names and where
 * the app keeps its data. Kept apart from main.ts so they can be tested under Node.
 */
import path from 'node:path';

/**
 * The first `*.crossread` argument (e.g. from "Open with…" or a file association), made absolute
 * against the directory the app was started in. Switches are skipped; Chromium adds its own.
 */
export function projectPathFromArgv(argv: readonly string[], cwd: string): string | undefined {
  const found = argv.slice(1).find((arg) => !arg.startsWith('-') && isProjectFile(arg));
  return found === undefined ? undefined : path.resolve(cwd, found);
}

/** A Crossread project file, by its name (macOS hands these to 'open-file', other systems to argv). */
export function isProjectFile(file: string): boolean {
  return file.toLowerCase().endsWith('.crossread');
}

/**
 * CROSSREAD_HOME, when set and non-empty, replaces Electron's userData directory — tests point
 * it at a temp dir so they never touch (or lock) the user's real profile.
 */
export function homeOverride(env: NodeJS.ProcessEnv): string | undefined {
  const home = env.CROSSREAD_HOME?.trim();
  return home ? path.resolve(home) : undefined;
}
