/**
 * A team server for tests, on loopback: the real one (`crossread serve`'s startTeamServer) on a
 * temporary DATA folder, with its token registry. Stopping and starting again on the same port
 * keeps the stored documents, as a restarted server does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTeam, issueToken, startTeamServer, type RunningTeamServer } from '../../electron/teamserver';

export interface TestTeamServer {
  url: string;
  port: number;
  /** A token for `user` on the team named `project` (created the first time it is named). */
  issueToken(project: string, user: string): string;
  /** Stops the server: every client's connection drops. */
  stop(): Promise<void>;
  /** Listens again on the same port and DATA folder, with the stored documents. */
  start(): Promise<void>;
  /** Stops it and removes its DATA folder. */
  dispose(): Promise<void>;
}

export async function startTestTeamServer(): Promise<TestTeamServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossread-team-'));
  const keys = new Map<string, string>();
  let port = 0;
  let running: RunningTeamServer | null = null;

  const start = async () => {
    running = await startTeamServer({ dataDir, port, quiet: true });
    port = running.port;
  };
  const stop = async () => {
    await running?.stop();
    running = null;
  };
  await start();

  return {
    get url() {
      return `ws://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    issueToken(project, user) {
      let key = keys.get(project);
      if (!key) {
        key = createTeam(dataDir, project).key;
        keys.set(project, key);
      }
      return issueToken(dataDir, { project: key, user }).token;
    },
    stop,
    start,
    async dispose() {
      await stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
