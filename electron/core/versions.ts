import Database from 'better-sqlite3';

let sqlite: string | null = null;

/** The SQLite library better-sqlite3 was built with (asked once, from an in-memory database). */
function sqliteVersion(): string {
  if (sqlite === null) {
    const db = new Database(':memory:');
    try {
      sqlite = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
    } finally {
      db.close();
    }
  }
  return sqlite;
}

/** Versions for the About dialog; Electron and Chromium are null outside the desktop app (browser mode, CLI). */
export function runtimeVersions(): { electron: string | null; chrome: string | null; node: string; sqlite: string } {
  return {
    electron: process.versions.electron ?? null,
    chrome: process.versions.chrome ?? null,
    node: process.versions.node,
    sqlite: sqliteVersion(),
  };
}
