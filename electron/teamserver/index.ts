/**
 * The team sync server's programmatic API (Node only; not part of the app's backend): the
 * `crossread serve` commands, the Docker image, the tests and the bench use these.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REGISTRY_FILE, TeamServerError, withRegistry, type TeamInfo } from './registry';

export { startTeamServer, MAX_MESSAGE_BYTES, type RunningTeamServer, type TeamServerOptions, type TeamContext } from './server';
export { TeamServerError, type TeamInfo, type TeamUser } from './registry';
export { MAX_TOKEN_CHARS, parseToken, PROJECT_KEY, USER_ID } from './token';

/** Creates a team; its key is the name's letters and digits plus a random suffix, and is the Yjs document name. */
export function createTeam(dataDir: string, name: string): { key: string; name: string } {
  return withRegistry(dataDir, (r) => r.createTeam(name));
}

/** Issues a token for a new user (`user` is the display name). Only a hash of its secret is kept: it cannot be shown again. */
export function issueToken(dataDir: string, input: { project: string; user: string }): { token: string; userId: string } {
  return withRegistry(dataDir, (r) => r.issueToken(input.project, input.user));
}

/** Revokes a user's token: refused on the next connection, and open connections are closed within seconds. */
export function revokeToken(dataDir: string, input: { project: string; userId: string }): void {
  withRegistry(dataDir, (r) => r.revokeToken(input.project, input.userId));
}

/** The teams in DATA with their users; refuses a folder that holds no team server data. */
export function listTeams(dataDir: string): TeamInfo[] {
  if (!fs.existsSync(path.join(path.resolve(dataDir), REGISTRY_FILE))) {
    throw new TeamServerError(`${path.resolve(dataDir)} holds no team server data: create a team first (crossread serve team create --data DIR --name NAME).`);
  }
  return withRegistry(dataDir, (r) => r.listTeams());
}
