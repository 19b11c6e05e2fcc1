/**
 * Where a project's live-team binding is kept. The server address, project key and user id sit in
 * the project file (project_meta 'team.bound'; binding also starts the change log of migration
 * 0015), so reopening the project reconnects. The token is a secret: it stays in the app's own
 * folder (team-tokens.json, readable by the user alone), never in the .crossread file that
 * colleagues may be handed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { installSyncTriggers } from '../store/migrations/0015_team_sync';
import type { Project } from '../store/project';

export const BOUND_KEY = 'team.bound';

const Binding = z.object({
  server: z.string(),
  projectKey: z.string(),
  userId: z.string(),
  /** False after the user disconnected: opening the project does not reconnect by itself. */
  auto: z.boolean(),
});
export type Binding = z.infer<typeof Binding>;

export function readBinding(project: Project): Binding | null {
  const raw = project.meta.get(BOUND_KEY);
  if (!raw) return null;
  try {
    const r = Binding.safeParse(JSON.parse(raw));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/** Keeps the binding, and from then on every local change is logged for the team. */
export function writeBinding(project: Project, binding: Binding): void {
  project.write(() => {
    project.meta.set(BOUND_KEY, JSON.stringify(binding));
    installSyncTriggers(project.database);
  });
}

/** The merge-base source of this team (sync_bases.source): one per server and project key. */
export const sourceOf = (b: Pick<Binding, 'server' | 'projectKey'>) => `${b.server}#${b.projectKey}`;

/** Local changes not yet sent: one per changed record, however often it changed. */
export function pendingChanges(project: Project): number {
  return project.database.prepare('SELECT count(*) FROM (SELECT DISTINCT kind, id FROM sync_changes)').pluck().get() as number;
}

const TokenFile = z.record(z.string(), z.string());

/** Team tokens by project id and server, in the app's folder. */
export class TokenStore {
  private readonly file: string;

  constructor(homeDir: string) {
    this.file = path.join(homeDir, 'team-tokens.json');
  }

  private read(): Record<string, string> {
    try {
      const r = TokenFile.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      return r.success ? r.data : {};
    } catch {
      return {};
    }
  }

  get(projectId: string, server: string): string | null {
    return this.read()[`${projectId} ${server}`] ?? null;
  }

  set(projectId: string, server: string, token: string): void {
    const all = { ...this.read(), [`${projectId} ${server}`]: token };
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(all, null, 2), { mode: 0o600 });
    fs.renameSync(tmp, this.file);
  }
}
