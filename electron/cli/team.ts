import type { Backend } from '../core/backend';
import { pendingChanges, readBinding } from '../core/team/binding';

export const TEAM_USAGE = `  team status --project P [--json]      Whether P is shared live with a team (server, team project,
                                        user) and how many local changes wait to be sent`;

/** The project's team binding and pending changes, read from the file: it does not connect. */
export function teamStatusCommand(backend: Backend, asJson: boolean): string {
  const project = backend.project();
  if (!project) return 'No project is open.\n';
  const binding = readBinding(project);
  const pending = binding ? pendingChanges(project) : 0;
  if (asJson) {
    return `${JSON.stringify({ shared: binding !== null, server: binding?.server ?? null, project: binding?.projectKey ?? null, user: binding?.userId ?? null, reconnects: binding?.auto ?? false, pending }, null, 2)}\n`;
  }
  if (!binding) return 'Not shared live: open the project in Crossread and use File → Share live… to join a team.\n';
  return [
    `Server:   ${binding.server}`,
    `Project:  ${binding.projectKey}`,
    `User:     ${binding.userId}`,
    `Pending:  ${pending === 1 ? '1 change' : `${pending} changes`} not yet sent`,
    `Connects: ${binding.auto ? 'when the project is opened' : 'no (disconnected by the user; Share live… → Connect)'}`,
    '',
  ].join('\n');
}
