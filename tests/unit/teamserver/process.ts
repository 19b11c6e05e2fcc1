/** The built `crossread serve` as a child process, the way an operator runs it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { CLI } from '../cli/helpers';

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `crossread serve ...args` and resolves once it prints its address. */
export function spawnServe(args: string[]): Promise<ServeProcess> {
  const child = spawn(process.execPath, [CLI, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (s: string) => {
      output += s;
      const m = /listening on (ws:\/\/[^\s]+):(\d+)/.exec(output);
      if (m) resolve({ child, url: `${m[1]}:${m[2]}`, port: Number(m[2]), output: () => output, exited });
    };
    child.stdout!.setEncoding('utf8').on('data', onData);
    child.stderr!.setEncoding('utf8').on('data', onData);
    void exited.then((code) => reject(new Error(`crossread serve exited (${code}) before listening: ${output}`)));
  });
}
