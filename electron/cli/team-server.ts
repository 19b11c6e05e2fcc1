/** `crossread serve …`: the team sync server and its teams and tokens (electron/teamserver). */
import { parseArgs } from 'node:util';
import { createTeam, issueToken, listTeams, revokeToken, startTeamServer, TeamServerError } from '../teamserver/index';

export const SERVE_USAGE = `  serve --data DIR --port N [--host H] [--redis URL]
                                        Run the team sync server until Ctrl+C (see "Working as a team")
  serve team create --data DIR --name NAME
                                        Create a team; prints its project key
  serve token --data DIR --project KEY --user NAME
                                        Issue a member's token (shown once, only its hash is kept)
  serve token revoke --data DIR --project KEY --user-id ID
                                        Revoke a member's token; their open connections close
  serve teams --data DIR [--json]       List the teams and their members`;

class ServeUsageError extends Error {}

type Values = Record<string, string | boolean | undefined>;

function parse(args: string[], options: Record<string, { type: 'string' | 'boolean' }>): { values: Values; positionals: string[] } {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new ServeUsageError((err as Error).message);
  }
}

function required(values: Values, name: string, what: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new ServeUsageError(`--${name} ${what} is required.`);
  return value;
}

function noExtra(positionals: string[]): void {
  if (positionals.length > 0) throw new ServeUsageError(`unexpected argument “${positionals[0]!.slice(0, 80)}”.`);
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/;

async function serve(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { data: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, redis: { type: 'string' } });
  noExtra(positionals);
  const data = required(values, 'data', 'DIR');
  const portText = required(values, 'port', 'N');
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new ServeUsageError('--port must be a number from 0 to 65535.');
  const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
  // Listening for the signals before the address is printed: whoever reads it may stop us at once.
  const stopRequested = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  const server = await startTeamServer({ dataDir: data, port, host, ...(typeof values.redis === 'string' ? { redisUrl: values.redis } : {}) });
  if (!LOOPBACK.test(host)) {
    process.stdout.write('Warning: not on loopback: tokens and documents travel unencrypted here; terminate TLS in front of it (Caddy or nginx, wss://) and expose only that.\n');
  }
  process.stdout.write(`Crossread team server listening on ${server.url}${values.redis ? ' (sharing documents through Redis)' : ''}\n`);
  process.stdout.write('Press Ctrl+C to stop.\n');
  await stopRequested;
  await server.stop();
  process.stdout.write('Stopped; every document is stored.\n');
  return 0;
}

function teamCommand(args: string[]): number {
  const { values, positionals } = parse(args, { data: { type: 'string' }, name: { type: 'string' } });
  if (positionals[0] !== 'create') throw new ServeUsageError('use `serve team create --data DIR --name NAME`.');
  noExtra(positionals.slice(1));
  const team = createTeam(required(values, 'data', 'DIR'), required(values, 'name', 'NAME'));
  process.stdout.write(`Created team “${team.name}”; its project key: ${team.key}\n`);
  return 0;
}

function tokenCommand(args: string[]): number {
  const { values, positionals } = parse(args, { data: { type: 'string' }, project: { type: 'string' }, user: { type: 'string' }, 'user-id': { type: 'string' } });
  const data = required(values, 'data', 'DIR');
  const project = required(values, 'project', 'KEY');
  if (positionals[0] === 'revoke') {
    noExtra(positionals.slice(1));
    const userId = required(values, 'user-id', 'ID');
    revokeToken(data, { project, userId });
    process.stdout.write(`Revoked the token of ${userId} in ${project}.\n`);
    return 0;
  }
  noExtra(positionals);
  if (values['user-id'] !== undefined) throw new ServeUsageError('--user-id is for `serve token revoke`; a new token takes --user NAME.');
  const issued = issueToken(data, { project, user: required(values, 'user', 'NAME') });
  process.stdout.write(`${issued.token}\n`);
  process.stderr.write(`Token for ${issued.userId}: give it to that person only. It cannot be shown again (the server keeps only its hash).\n`);
  return 0;
}

function teamsCommand(args: string[]): number {
  const { values, positionals } = parse(args, { data: { type: 'string' }, json: { type: 'boolean' } });
  noExtra(positionals);
  const teams = listTeams(required(values, 'data', 'DIR'));
  if (values.json) {
    process.stdout.write(`${JSON.stringify(teams, null, 2)}\n`);
    return 0;
  }
  if (teams.length === 0) process.stdout.write('No teams yet: crossread serve team create --data DIR --name NAME\n');
  for (const t of teams) {
    process.stdout.write(`${t.key}  “${t.name}”  ${t.users.length} ${t.users.length === 1 ? 'member' : 'members'}\n`);
    for (const u of t.users) process.stdout.write(`    ${u.userId}  ${u.userName}${u.revoked ? `  (revoked ${u.revoked})` : ''}\n`);
  }
  return 0;
}

/** Runs `crossread serve …`; returns the exit code (2 bad usage, 1 refused). */
export async function serveCommand(args: string[]): Promise<number> {
  try {
    if (args.includes('--help') || args.includes('-h')) {
      process.stdout.write(`Usage:\n${SERVE_USAGE}\n`);
      return 0;
    }
    if (args[0] === 'team') return teamCommand(args.slice(1));
    if (args[0] === 'token') return tokenCommand(args.slice(1));
    if (args[0] === 'teams') return teamsCommand(args.slice(1));
    return await serve(args);
  } catch (err) {
    if (err instanceof ServeUsageError) {
      process.stderr.write(`crossread serve: ${err.message}\n\n${SERVE_USAGE}\n`);
      return 2;
    }
    if (err instanceof TeamServerError) {
      process.stderr.write(`crossread serve: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
