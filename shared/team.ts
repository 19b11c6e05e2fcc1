import { z } from 'zod';

/**
 * Live team work: the desktop keeps its own project file and syncs it through a team server
 * (Hocuspocus over a WebSocket). The user gives the server's address and a personal token; the
 * token names the team's project key and the user (crt1.<projectKey>.<userId>.<secret>).
 */

export const TEAM_URL_MAX = 500;
export const TEAM_TOKEN_MAX = 1000;

/** What a token looks like; the server alone decides whether it is valid. */
export const TOKEN_RE = /^crt1\.([A-Za-z0-9_-]{1,200})\.([A-Za-z0-9_-]{1,200})\.([A-Za-z0-9_-]{8,500})$/;

export interface TokenParts {
  projectKey: string;
  userId: string;
}

/** The project key and user a token names, or null when it is not a token at all. */
export function tokenParts(token: string): TokenParts | null {
  const m = TOKEN_RE.exec(token.trim());
  return m ? { projectKey: m[1]!, userId: m[2]! } : null;
}

export const TeamUrl = z
  .string()
  .trim()
  .min(1, 'give the team server’s address')
  .max(TEAM_URL_MAX, `the address is longer than ${TEAM_URL_MAX} characters`)
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'ws:' || u.protocol === 'wss:') && u.hostname !== '' && u.username === '' && u.password === '';
    } catch {
      return false;
    }
  }, 'the address must start with ws:// or wss:// and name a host (for example wss://team.example.org)');

export const TeamToken = z
  .string()
  .trim()
  .min(1, 'give your team token')
  .max(TEAM_TOKEN_MAX, `the token is longer than ${TEAM_TOKEN_MAX} characters`)
  .refine((s) => TOKEN_RE.test(s), 'this is not a Crossread team token (it starts with crt1. and has four parts separated by dots)');

export const TeamState = z.enum(['off', 'connecting', 'synced', 'syncing', 'offline', 'refused']);
export type TeamState = z.infer<typeof TeamState>;

export const PeerSelection = z
  .object({ documentId: z.uuid(), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .strict()
  .refine((s) => s.end >= s.start, 'a selection ends after it starts');
export type PeerSelection = z.infer<typeof PeerSelection>;

export const TeamPeer = z.object({
  id: z.string(),
  name: z.string(),
  color: z.string(),
  selection: PeerSelection.nullable(),
});
export type TeamPeer = z.infer<typeof TeamPeer>;

export const TeamStatus = z.object({
  state: TeamState,
  /** Local changes not yet sent to the team. */
  pending: z.number().int().nonnegative(),
  offlineSince: z.string().nullable(),
  server: z.string().nullable(),
  project: z.string().nullable(),
  user: z.string().nullable(),
  /** Grows each time colleagues' changes were applied here, so the page reloads its data. */
  revision: z.number().int().nonnegative(),
  /** Grows each time a colleague's words were written into a note, memo or the summary here, so open editors load them. */
  texts: z.number().int().nonnegative(),
  peers: z.array(TeamPeer),
  /** Why the last attempt failed (refused token, unreachable server, a change that could not be applied). */
  error: z.string().nullable(),
});
export type TeamStatus = z.infer<typeof TeamStatus>;

export const TeamConnectInput = z
  .object({
    /** Both omitted: reconnect with the address and token this project was last connected with. */
    url: TeamUrl.optional(),
    token: TeamToken.optional(),
  })
  .strict()
  .refine((i) => (i.url === undefined) === (i.token === undefined), 'give both the address and the token, or neither to reconnect');

export const TeamPresenceInput = z.object({ selection: PeerSelection.nullable() }).strict();
