import type { ApiResponse, ImportProgress, ShellCommand } from '../../shared/contract';

/** What the Electron preload exposes as `window.crossread`. */
export interface DesktopBridge {
  transport: 'electron';
  invoke(name: string, input: unknown): Promise<ApiResponse<unknown>>;
  invokeShell(name: string, input: unknown): Promise<ApiResponse<unknown>>;
  onCommand(cb: (command: ShellCommand) => void): () => void;
  onImportProgress(cb: (progress: ImportProgress) => void): () => void;
}

declare global {
  interface Window {
    crossread?: DesktopBridge;
  }
}

export interface Transport {
  kind: 'electron' | 'http';
  invoke(name: string, input: unknown): Promise<ApiResponse<unknown>>;
  invokeShell(name: string, input: unknown): Promise<ApiResponse<unknown>>;
  onCommand(cb: (command: ShellCommand) => void): () => void;
  /** The desktop's native import reports each file; browser mode imports in the page and never calls it. */
  onImportProgress(cb: (progress: ImportProgress) => void): () => void;
}

const TOKEN_KEY = 'crossread.token';

/**
 * Browser mode hands the page its access token in the URL fragment (never sent over the network);
 * it is moved to sessionStorage at once, so it survives a reload but not the tab.
 */
function takeToken(): string {
  const match = /(?:^#|&)token=([0-9a-f]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpTransport(): Transport {
  const token = takeToken();
  return {
    kind: 'http',
    async invoke(name, input) {
      let res: Response;
      const body = JSON.stringify(input ?? {});
      try {
        res = await fetch(`api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body,
          // Small calls survive the page going away (the last layout save on close or reload).
          keepalive: body.length < 60_000,
        });
      } catch {
        return { ok: false, error: { code: 'unavailable', message: 'Crossread is not running any more (the browser-mode server stopped). Start it again with npm run browser.' } };
      }
      try {
        return (await res.json()) as ApiResponse<unknown>;
      } catch {
        return { ok: false, error: { code: 'internal', message: `The server answered ${res.status} ${res.statusText}.` } };
      }
    },
    invokeShell: () => Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'Not available in browser mode.' } }),
    onCommand: () => () => undefined,
    onImportProgress: () => () => undefined,
  };
}

/**
 * Whether this page may talk to the backend: in browser mode only with the token of the address
 * the server printed. 'denied': no token or a wrong one; 'down': the server does not answer.
 */
export async function checkAccess(): Promise<'ok' | 'denied' | 'down'> {
  if (window.crossread?.transport === 'electron') return 'ok';
  const token = takeToken();
  if (!token) return 'denied';
  try {
    const res = await fetch('api/project.current', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: '{}',
    });
    return res.status === 401 ? 'denied' : 'ok';
  } catch {
    return 'down';
  }
}

export function createTransport(): Transport {
  const bridge = window.crossread;
  if (bridge && bridge.transport === 'electron') {
    return {
      kind: 'electron',
      invoke: (n, i) => bridge.invoke(n, i),
      invokeShell: (n, i) => bridge.invokeShell(n, i),
      onCommand: (cb) => bridge.onCommand(cb),
      onImportProgress: (cb) => bridge.onImportProgress(cb),
    };
  }
  return httpTransport();
}
