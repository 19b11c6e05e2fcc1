/**
 * Starts browser mode the way a user does (`crossread browser …`) and waits for the tokened address
 * it prints. Shared by the end-to-end tests and the benchmark, which both drive the real app.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface BrowserModeProcess {
  /** http://127.0.0.1:PORT/#token=… */
  url: string;
  child: ChildProcess;
  /** Ends the process (SIGTERM) and waits for it. */
  stop(): Promise<void>;
}

/** `env`: extra environment, e.g. HOME, where the project browser starts. */
export async function launchBrowserMode(cli: string, args: readonly string[], home: string, timeoutMs: number, env: NodeJS.ProcessEnv = {}): Promise<BrowserModeProcess> {
  const child = spawn(process.execPath, [cli, 'browser', ...args], { env: { ...process.env, CROSSREAD_HOME: home, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
