/**
 * Teams and their users' tokens, in DATA/teams.sqlite. The `crossread serve team|token` commands
 * write it while a server may be running on the same DATA: the server reads it on every
 * connection, so a new or revoked token counts at once, without a restart.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { formatToken, hashSecret, newSecret, PROJECT_KEY, randomSuffix, secretMatches, slug, USER_ID, type ParsedToken } from './token';

/** A refusal meant for the person at the console: says what is wrong and what to do. */
export class TeamServerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TeamServerError';
  }
}

export const REGISTRY_FILE = 'teams.sqlite';
const SCHEMA_VERSION = 1;
const MAX_NAME_CHARS = 200;
const SCHEMA = `
CREATE TABLE teams (
  key TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created TEXT NOT NULL
) STRICT;
CREATE TABLE tokens (
  project TEXT NOT NULL REFERENCES teams(key),
  user_id TEXT NOT NULL,
  user_name TEXT NOT NULL,
  secret_hash BLOB NOT NULL,
  created TEXT NOT NULL,
  revoked TEXT,
  PRIMARY KEY (project, user_id)
) STRICT;
`;

export interface TeamUser {
  userId: string;
  userName: string;
  created: string;
  revoked: string | null;
}
export interface TeamInfo {
  key: string;
  name: string;
  created: string;
  users: TeamUser[];
}

/** Makes DATA if missing and checks the server can write there, so the failure is ours, not SQLite's. */
export function ensureDataDir(dataDir: string): string {
  const dir = path.resolve(dataDir);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new TeamServerError(`cannot write to the data folder ${dir} (${code}): choose a folder this user may write, or fix its permissions.`);
  }
  if (!fs.statSync(dir).isDirectory()) throw new TeamServerError(`${dir} is not a folder: --data needs a folder.`);
  return dir;
}

function checkName(what: string, name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw new TeamServerError(`the ${what} is empty.`);
  if (trimmed.length > MAX_NAME_CHARS) throw new TeamServerError(`the ${what} is longer than ${MAX_NAME_CHARS} characters.`);
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) throw new TeamServerError(`the ${what} holds control characters.`);
  return trimmed;
}

export class Registry {
  private readonly db: Database.Database;

  private constructor(db: Database.Database) {
    this.db = db;
  }

  /** Opens (creating when missing) the registry in `dataDir`. */
  static open(dataDir: string): Registry {
    const dir = ensureDataDir(dataDir);
    const db = new Database(path.join(dir, REGISTRY_FILE));
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      // The CLI and the server write the same file; let one wait for the other.
      db.pragma('busy_timeout = 5000');
      db.transaction(() => {
        const version = db.pragma('user_version', { simple: true }) as number;
        if (version > SCHEMA_VERSION) {
          throw new TeamServerError(`${path.join(dir, REGISTRY_FILE)} was written by a newer Crossread (schema ${version}; this one knows ${SCHEMA_VERSION}): run the newer version.`);
        }
        if (version === 0) {
          db.exec(SCHEMA);
          db.pragma(`user_version = ${SCHEMA_VERSION}`);
        }
      }).immediate();
    } catch (err) {
      db.close();
      throw err;
    }
    return new Registry(db);
  }

  close(): void {
    this.db.close();
  }

  createTeam(name: string): { key: string; name: string } {
    const teamName = checkName('team name', name);
    const key = `${slug(teamName, 40) || 'team'}-${randomSuffix()}`;
    if (!PROJECT_KEY.test(key)) throw new Error(`generated an invalid project key ${key}`);
    this.db.prepare('INSERT INTO teams (key, name, created) VALUES (?, ?, ?)').run(key, teamName, new Date().toISOString());
    return { key, name: teamName };
  }

  issueToken(project: string, user: string): { token: string; userId: string } {
    const userName = checkName('user name', user);
    this.requireTeam(project);
    const userId = `${slug(userName, 40) || 'user'}-${randomSuffix()}`;
    if (!USER_ID.test(userId)) throw new Error(`generated an invalid user id ${userId}`);
    const secret = newSecret();
    this.db
      .prepare('INSERT INTO tokens (project, user_id, user_name, secret_hash, created) VALUES (?, ?, ?, ?, ?)')
      .run(project, userId, userName, hashSecret(secret), new Date().toISOString());
    return { token: formatToken(project, userId, secret), userId };
  }

  revokeToken(project: string, userId: string): void {
    this.requireTeam(project);
    const result = this.db.prepare('UPDATE tokens SET revoked = ? WHERE project = ? AND user_id = ? AND revoked IS NULL').run(new Date().toISOString(), project, userId);
    if (result.changes !== 1) {
      const known = this.db.prepare('SELECT revoked FROM tokens WHERE project = ? AND user_id = ?').get(project, userId);
      throw new TeamServerError(known ? `the token of ${userId} in ${project} is already revoked.` : `no user ${userId} in ${project}: see \`crossread serve teams\`.`);
    }
  }

  listTeams(): TeamInfo[] {
    const teams = this.db.prepare('SELECT key, name, created FROM teams ORDER BY created, key').all() as { key: string; name: string; created: string }[];
    const users = this.db.prepare('SELECT user_id AS userId, user_name AS userName, created, revoked FROM tokens WHERE project = ? ORDER BY created, user_id');
    return teams.map((t) => ({ ...t, users: users.all(t.key) as TeamUser[] }));
  }

  /** The user a token stands for, when its secret matches an unrevoked token of that project; null otherwise. */
  authenticate(token: ParsedToken): { userId: string; userName: string } | null {
    const row = this.db
      .prepare('SELECT user_name AS userName, secret_hash AS hash, revoked FROM tokens WHERE project = ? AND user_id = ?')
      .get(token.projectKey, token.userId) as { userName: string; hash: Buffer; revoked: string | null } | undefined;
    if (!row || row.revoked !== null || !secretMatches(token.secret, row.hash)) return null;
    return { userId: token.userId, userName: row.userName };
  }

  /** Whether the user's token still stands (not revoked); the server asks this of open connections. */
  isActive(project: string, userId: string): boolean {
    const row = this.db.prepare('SELECT revoked FROM tokens WHERE project = ? AND user_id = ?').get(project, userId) as { revoked: string | null } | undefined;
    return row !== undefined && row.revoked === null;
  }

  private requireTeam(project: string): void {
    if (!PROJECT_KEY.test(project) || !this.db.prepare('SELECT 1 FROM teams WHERE key = ?').get(project)) {
      throw new TeamServerError(`no team with the project key ${JSON.stringify(project.slice(0, 80))}: see \`crossread serve teams\`.`);
    }
  }
}

/** Runs `fn` on the registry in `dataDir` and closes it. */
export function withRegistry<T>(dataDir: string, fn: (r: Registry) => T): T {
  const registry = Registry.open(dataDir);
  try {
    return fn(registry);
  } finally {
    registry.close();
  }
}
