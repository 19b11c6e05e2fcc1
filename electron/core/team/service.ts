/**
 * The API of live team work (team.connect, team.disconnect, team.status, team.presence) over at
 * most one bridge, for the project open now. A bridge left from a project that was closed or
 * switched is stopped the next time anything asks.
 */
import type { ApiName, ApiOutput, ApiParsedInput } from '../../../shared/contract';
import { tokenParts, type TeamStatus } from '../../../shared/team';
import { AppError } from '../errors';
import type { Project } from '../store/project';
import { type Binding, pendingChanges, readBinding, TokenStore, writeBinding } from './binding';
import { TeamBridge } from './bridge';

type TeamCall = Extract<ApiName, `team.${string}`>;
type Handlers = { [N in TeamCall]: (input: ApiParsedInput<N>) => ApiOutput<N> | Promise<ApiOutput<N>> };

/** How long team.connect waits for the first sync before answering with the state so far. */
const CONNECT_WAIT_MS = 8000;

export interface TeamService {
  handlers: Handlers;
  /** Closes the connection (the app or the project is closing). */
  stop(): void;
}

export function teamService(deps: { current: () => Project | null; requireProject: () => Project; homeDir: string; author: () => string }): TeamService {
  const tokens = new TokenStore(deps.homeDir);
  let bridge: TeamBridge | null = null;

  const live = (): TeamBridge | null => {
    if (bridge && bridge.project !== deps.current()) {
      bridge.stop();
      bridge = null;
    }
    return bridge;
  };

  const projectId = (p: Project) => p.meta.get('project_id') ?? p.file;

  const start = (project: Project, binding: Binding, token: string): TeamBridge => {
    live()?.stop();
    const next = new TeamBridge({
      project,
      binding,
      token,
      author: deps.author(),
      onFirstSync: () => {
        // Kept only once the server accepted the token, so a mistyped address is not remembered.
        if (!project.readOnly && next.project === deps.current()) {
          writeBinding(project, { ...binding, auto: true });
          tokens.set(projectId(project), binding.server, token);
        }
      },
    });
    bridge = next;
    return next;
  };

  const status = (project: Project | null): TeamStatus => {
    const b = live();
    const binding = project ? readBinding(project) : null;
    const shown = b?.binding ?? binding;
    return {
      state: b ? b.state() : 'off',
      pending: project && binding ? pendingChanges(project) : 0,
      offlineSince: b?.offlineSince ?? null,
      server: shown?.server ?? null,
      project: shown?.projectKey ?? null,
      user: shown?.userId ?? null,
      revision: b?.revision ?? 0,
      texts: b?.textRevision ?? 0,
      peers: b ? b.peers() : [],
      error: b?.error ?? null,
    };
  };

  /** A project bound to a team reconnects by itself when it is open again (unless the user disconnected). */
  const resume = (project: Project): void => {
    if (live()) return;
    const binding = readBinding(project);
    if (!binding?.auto) return;
    const token = tokens.get(projectId(project), binding.server);
    if (token) start(project, binding, token);
  };

  return {
    handlers: {
      'team.connect': async ({ url, token }) => {
        const project = deps.requireProject();
        if (project.readOnly) throw new AppError('read-only', 'This project is read-only, so it cannot be shared live.');
        let binding: Binding;
        let secret: string;
        if (url === undefined || token === undefined) {
          const known = readBinding(project);
          const stored = known ? tokens.get(projectId(project), known.server) : null;
          if (!known || !stored) throw new AppError('bad-input', 'This project has not been shared live yet: give the server address and your token.');
          binding = known;
          secret = stored;
        } else {
          const parts = tokenParts(token);
          if (!parts) throw new AppError('bad-input', 'This is not a Crossread team token.');
          binding = { server: url, projectKey: parts.projectKey, userId: parts.userId, auto: true };
          secret = token;
        }
        const b = start(project, binding, secret);
        await b.settled(CONNECT_WAIT_MS);
        return status(project);
      },
      'team.disconnect': () => {
        const project = deps.current();
        live()?.stop();
        bridge = null;
        const binding = project ? readBinding(project) : null;
        if (project && binding && !project.readOnly) writeBinding(project, { ...binding, auto: false });
        return status(project);
      },
      'team.status': () => {
        const project = deps.current();
        if (project && !project.readOnly) resume(project);
        return status(project);
      },
      'team.presence': ({ selection }) => {
        live()?.setSelection(selection);
        return null;
      },
    },
    stop() {
      bridge?.stop();
      bridge = null;
    },
  };
}
