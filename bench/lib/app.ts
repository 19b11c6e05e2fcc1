import fs from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { launchBrowserMode } from '../../tests/support/browser-mode';
import { ROOT } from './corpus';
import { installProbes } from './probes';

const CLI = path.join(ROOT, 'out', 'node', 'cli.mjs');

export interface RunningApp {
  url: string;
  origin: string;
  token: string;
  pid: number;
  /** Calls the browser-mode API from Node, as the page does. */
  call<T>(name: string, input: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** Starts browser mode the way a user does (`crossread browser --project P`). */
export async function startApp(home: string, project: string): Promise<RunningApp> {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first (npm run bench does).`);
  fs.mkdirSync(home, { recursive: true });
  const { url, child, stop } = await launchBrowserMode(CLI, ['--project', project], home, 30_000);
  const origin = new URL(url).origin;
  const token = /token=([0-9a-f]+)/.exec(url)![1]!;
  return {
    url,
    origin,
    token,
    pid: child.pid!,
    async call<T>(name: string, input: unknown): Promise<T> {
      const res = await fetch(`${origin}/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      });
      const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
      if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
      return body.value as T;
    },
    stop,
  };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** The profile folder: every Chromium process of this browser names it on its command line. */
  profile: string;
  close(): Promise<void>;
}

/** Real Chromium with the flags the e2e tests use, one page of 1280×800, the probes installed. */
export async function launchBrowser(dir: string): Promise<Browser> {
  const profile = fs.mkdtempSync(path.join(dir, 'chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--enable-precise-memory-info'],
    viewport: { width: 1280, height: 800 },
  });
  await context.addInitScript(installProbes);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, profile, close: () => context.close() };
}

/** Loads the app with no pane open, or with the panes the project's layout names. */
export async function loadApp(page: Page, app: RunningApp): Promise<void> {
  await page.goto('about:blank');
  await page.goto(app.url);
  await page.locator('.doc-open').first().waitFor({ timeout: 60_000 });
}

/**
 * Records a CPU profile of the page through the DevTools protocol while `fn` runs, when a profile
 * folder was asked for (--profile); the file opens in Chrome DevTools' Performance panel.
 */
export async function profiled<T>(page: Page, dir: string | null, name: string, fn: () => Promise<T>): Promise<T> {
  if (!dir) return fn();
  const cdp = await page.context().newCDPSession(page);
  const events: unknown[] = [];
  cdp.on('Tracing.dataCollected', (e: { value: unknown[] }) => events.push(...e.value));
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink,blink.user_timing,cc,gpu,viz', transferMode: 'ReportEvents' });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.send('Tracing.end');
    await done;
    fs.writeFileSync(path.join(dir, `${name}.trace.json`), JSON.stringify({ traceEvents: events }));
    fs.writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    await cdp.detach();
  }
}
