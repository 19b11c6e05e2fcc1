import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { launchBrowser, loadApp, startApp, type Browser, type RunningApp } from './app';
import { buildProject, setLayout, type BuiltDoc, type DocSpec } from './fixture';
import { clickOpen, waitPainted } from './probes';

/** A generated project served in browser mode and one Chromium page on it. */
export interface Session {
  app: RunningApp;
  browser: Browser;
  page: Page;
  docs: BuiltDoc[];
  file: string;
  close(): Promise<void>;
}

export async function openSession(dir: string, name: string, specs: readonly DocSpec[], openAtStart: readonly number[] = []): Promise<Session> {
  const work = fs.mkdtempSync(path.join(dir, `${name}-`));
  const { file, docs } = buildProject(work, name, specs);
  setLayout(file, openAtStart.map((i) => docs[i]!.id));
  const app = await startApp(path.join(work, 'home'), file);
  const browser = await launchBrowser(work);
  await loadApp(browser.page, app);
  return {
    app,
    browser,
    page: browser.page,
    docs,
    file,
    async close() {
      await browser.close();
      await app.stop();
    },
  };
}

/** Reloads the app with exactly these documents open, and waits until each pane has painted its claims. */
export async function reloadWith(s: Session, docs: readonly BuiltDoc[], timeoutMs = 120_000): Promise<void> {
  await s.page.goto('about:blank');
  // The page saves its layout as it unloads; let that land before setting the one wanted.
  await new Promise((r) => setTimeout(r, 300));
  await s.app.call('layout.set', { panes: docs.map((d) => ({ documentId: d.id, share: 1 / docs.length, scroll: 0 })), sidebar: true });
  await loadApp(s.page, s.app);
  for (const d of docs) {
    await s.page.evaluate(waitPainted, { documentId: d.id, ranges: d.claims, since: 0, timeoutMs });
  }
}

/** Opens a document from the document list, as a user does; returns [click time, painted time]. */
export async function openFromList(s: Session, doc: BuiltDoc, timeoutMs = 120_000): Promise<{ t0: number; t1: number }> {
  const t0 = await s.page.evaluate(clickOpen, doc.title);
  const t1 = await s.page.evaluate(waitPainted, { documentId: doc.id, ranges: doc.claims, since: t0, timeoutMs });
  return { t0, t1 };
}
