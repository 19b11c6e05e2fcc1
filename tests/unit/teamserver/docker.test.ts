/**
 * Docker cannot run here, so the image is checked by reading: every COPY finds its source, the
 * build stage gets every folder the build reads, the runtime stage is not root, and its CMD
 * really starts the built server (run here with a temporary DATA and a free port).
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, REPO } from '../cli/helpers';
import { tempDataDir } from './helpers';
import { spawnServe } from './process';

const DEPLOY = path.join(REPO, 'deploy', 'team-server');
const DOCKERFILE = path.join(DEPLOY, 'Dockerfile');

interface Instruction {
  op: string;
  args: string;
  stage: number;
}

/** Dockerfile instructions, continuation lines joined, comments dropped, each with its stage index. */
function instructions(text: string): Instruction[] {
  const joined = text
    .split('\n')
    .filter((l) => !l.trim().startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ');
  let stage = -1;
  return joined
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((l) => {
      const [op, ...rest] = l.split(/\s+/);
      if (op!.toUpperCase() === 'FROM') stage++;
      return { op: op!.toUpperCase(), args: rest.join(' '), stage };
    });
}

const steps = instructions(fs.readFileSync(DOCKERFILE, 'utf8'));
const lastStage = Math.max(...steps.map((s) => s.stage));
const cmd = JSON.parse(steps.filter((s) => s.op === 'CMD').at(-1)!.args) as string[];

beforeAll(ensureBuilt, 120_000);

describe('deploy/team-server/Dockerfile', () => {
  it('builds on node:24-slim and copies only what exists in the repository', () => {
    for (const from of steps.filter((s) => s.op === 'FROM')) expect(from.args).toMatch(/^node:24-slim\b/);
    const copies = steps.filter((s) => s.op === 'COPY' && !s.args.startsWith('--from'));
    expect(copies.length).toBeGreaterThan(0);
    for (const c of copies) {
      const parts = c.args.split(/\s+/);
      for (const source of parts.slice(0, -1)) expect(fs.existsSync(path.join(REPO, source)), `COPY ${source}`).toBe(true);
    }
  });

  it('gives the build stage every folder the build reads, and runs that build', () => {
    const buildScript = fs.readFileSync(path.join(REPO, 'build', 'build.mjs'), 'utf8');
    const read = new Set([...buildScript.matchAll(/path\.join\(root, '([^/']+)\//g)].map((m) => m[1]!));
    read.add('build');
    read.add('renderer'); // vite.config.ts's root
    const copied = new Set(steps.filter((s) => s.stage === 0 && s.op === 'COPY').flatMap((s) => s.args.split(/\s+/).slice(0, -1)));
    for (const dir of read) expect(copied.has(dir), `the build reads ${dir}/`).toBe(true);
    expect(copied.has('vite.config.ts')).toBe(true);
    expect(steps.some((s) => s.stage === 0 && s.op === 'RUN' && s.args.includes('build/build.mjs'))).toBe(true);
  });

  it('runs as a non-root user with DATA as a volume and the served port exposed', () => {
    const runtime = steps.filter((s) => s.stage === lastStage);
    const user = runtime.filter((s) => s.op === 'USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    expect(runtime.some((s) => s.op === 'RUN' && s.args.includes('--omit=dev'))).toBe(true);
    const copiedBundle = runtime.find((s) => s.op === 'COPY' && s.args.startsWith('--from=build'))!.args.split(/\s+/)[1]!;
    expect(fs.existsSync(path.join(REPO, path.relative('/app', copiedBundle), 'cli.mjs'))).toBe(true);
    expect(cmd.slice(0, 3)).toEqual(['node', 'out/node/cli.mjs', 'serve']);
    expect(runtime.find((s) => s.op === 'VOLUME')!.args).toBe(cmd[cmd.indexOf('--data') + 1]);
    expect(runtime.find((s) => s.op === 'EXPOSE')!.args).toBe(cmd[cmd.indexOf('--port') + 1]);
  });

  it('its CMD starts the built team server', async () => {
    const args = cmd.slice(3).map((a, i, all) => (all[i - 1] === '--data' ? tempDataDir() : all[i - 1] === '--port' ? '0' : all[i - 1] === '--host' ? '127.0.0.1' : a));
    const server = await spawnServe(args);
    try {
      expect(server.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
      const reply = await fetch(server.url.replace('ws:', 'http:'));
      expect(reply.ok).toBe(true);
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
  });

  it('the compose file builds this Dockerfile, adds Redis to the same command, and mounts its Caddyfile', () => {
    const compose = fs.readFileSync(path.join(DEPLOY, 'docker-compose.yml'), 'utf8');
    expect(compose).toContain('dockerfile: deploy/team-server/Dockerfile');
    expect(fs.existsSync(path.join(DEPLOY, 'Caddyfile'))).toBe(true);
    expect(compose).toContain('./Caddyfile:/etc/caddy/Caddyfile');
    expect(compose).toContain(`command: ${JSON.stringify([...cmd, '--redis', 'redis://redis:6379']).replace(/,/g, ', ')}`);
  });
});
