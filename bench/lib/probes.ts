/*
 * Functions that run inside the page (passed to addInitScript / page.evaluate, so each one must be
 * self-contained: no imports, no outer variables). They read the renderer's permanent
 * instrumentation point, the `crossread:painted` performance mark made after a pane's highlights
 * are applied, instead of polling the DOM.
 */

export interface Paint {
  documentId: string;
  ranges: number;
  /** How many of the painted claims were still being saved (shown before the server confirmed them). */
  saving: number;
  /** When the mark was made (performance.now()). */
  time: number;
  /** When the frame after the mark had been painted; 0 until then. */
  shown: number;
}

interface BenchWindow extends Window {
  __benchPaints: Paint[];
  __benchLongTasks: { start: number; duration: number }[];
  __benchWake: (() => void) | null;
}

/**
 * Records every painted mark and every long task from the page's first moment. A mark is caught
 * as it is made (performance.mark is wrapped), so the frame that follows it is the one measured: a
 * task queued from that frame's animation callback runs once the frame's style, layout and paint
 * are done. (A PerformanceObserver hears of marks a task or a frame late.)
 */
export function installProbes(): void {
  const w = window as unknown as BenchWindow;
  w.__benchPaints = [];
  w.__benchLongTasks = [];
  w.__benchWake = null;
  const mark = performance.mark.bind(performance);
  performance.mark = (name: string, options?: PerformanceMarkOptions) => {
    const entry = mark(name, options);
    if (name === 'crossread:painted' || name === 'bench:baseline-painted') {
      const detail = options?.detail as { documentId: string; ranges: number; saving?: number };
      const paint: Paint = { documentId: detail.documentId, ranges: detail.ranges, saving: detail.saving ?? 0, time: entry.startTime, shown: 0 };
      w.__benchPaints.push(paint);
      requestAnimationFrame(() =>
        setTimeout(() => {
          paint.shown = performance.now();
          w.__benchWake?.();
        }, 0),
      );
    }
    return entry;
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__benchLongTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });
}

/**
 * Resolves when `documentId` has been painted with at least `ranges` highlights (a mark at or after
 * `since`; with `confirmed`, none of them still being saved) and the frame showing it is done;
 * returns that moment (performance.now()).
 */
export function waitPainted(args: { documentId: string; ranges: number; since: number; timeoutMs: number; confirmed?: boolean }): Promise<number> {
  const w = window as unknown as BenchWindow;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      w.__benchWake = null;
      const seen = w.__benchPaints.filter((p) => p.documentId === args.documentId).at(-1);
      reject(new Error(`not painted in ${args.timeoutMs} ms (last: ${JSON.stringify(seen ?? null)})`));
    }, args.timeoutMs);
    const check = () => {
      const hit = w.__benchPaints.find(
        (p) => p.documentId === args.documentId && p.ranges >= args.ranges && p.time >= args.since && p.shown > 0 && (!args.confirmed || p.saving === 0),
      );
      if (!hit) return;
      w.__benchWake = null;
      clearTimeout(timer);
      resolve(hit.shown);
    };
    w.__benchWake = check;
    check();
  });
}

/** Clicks a document's open button in the document list (the open command) and returns the click time. */
export function clickOpen(title: string): number {
  const button = [...document.querySelectorAll<HTMLButtonElement>('button.doc-open')].find((b) => b.getAttribute('aria-label')?.includes(title));
  if (!button) throw new Error(`no open button for ${title}`);
  const t0 = performance.now();
  button.click();
  return t0;
}

/** Long tasks that started at or after `since`: [count, longest duration]. */
export function longTasksSince(since: number): { count: number; longest: number } {
  const w = window as unknown as BenchWindow;
  const tasks = w.__benchLongTasks.filter((t) => t.start >= since);
  return { count: tasks.length, longest: tasks.reduce((m, t) => Math.max(m, t.duration), 0) };
}

/**
 * The baseline of the Open case: what the browser alone does with the same input. It fetches the
 * same text through the same API call the app makes, renders it as plain <p> elements in a box the
 * size of a pane, builds one DOM Range per claim and paints them with the CSS Custom Highlight API —
 * no React, no Lexical. Claims were already known to the app before the open, so they are passed in.
 */
export async function baselineOpen(args: {
  documentId: string;
  token: string;
  claims: { start: number; end: number }[];
}): Promise<number> {
  const old = document.getElementById('bench-baseline');
  old?.remove();
  const t0 = performance.now();
  const res = await fetch('api/documents.get', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${args.token}` },
    body: JSON.stringify({ id: args.documentId }),
  });
  const text = ((await res.json()) as { value: { text: string } }).value.text;
  // A box the size of a pane, its text in the app's reading typography (the same font, size,
  // measure and hyphenation), so the layout the browser does is the same work in both.
  const box = document.createElement('div');
  box.id = 'bench-baseline';
  box.lang = 'ru';
  box.style.cssText = 'position:fixed;left:300px;top:60px;width:900px;height:700px;overflow:auto;background:#fff;z-index:9999;padding:0 16px';
  const inner = document.createElement('div');
  inner.className = 'source-text';
  box.append(inner);
  const starts: number[] = [];
  const nodes: Text[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) {
      const p = document.createElement('p');
      p.className = 'source-paragraph';
      const node = document.createTextNode(line);
      p.append(node);
      inner.append(p);
      starts.push(at);
      nodes.push(node);
    }
    at += line.length + 1;
  }
  document.body.append(box);
  const point = (offset: number): [Text, number] => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const node = nodes[lo]!;
    return [node, Math.min(Math.max(0, offset - starts[lo]!), node.length)];
  };
  const ranges = args.claims.map((c) => {
    const r = document.createRange();
    r.setStart(...point(c.start));
    r.setEnd(...point(c.end));
    return r;
  });
  if (!document.getElementById('bench-baseline-style')) {
    const style = document.createElement('style');
    style.id = 'bench-baseline-style';
    style.textContent = '::highlight(bench-baseline) { background-color: rgba(224, 161, 0, 0.35); }';
    document.head.append(style);
  }
  CSS.highlights.set('bench-baseline', new Highlight(...ranges));
  performance.mark('bench:baseline-painted', { detail: { documentId: `baseline-${args.documentId}`, ranges: ranges.length } });
  return t0;
}

export function removeBaseline(): void {
  document.getElementById('bench-baseline')?.remove();
  CSS.highlights.delete('bench-baseline');
}

/**
 * Scrolls `selector`'s element from top to bottom in `frames` equal steps, one per animation frame,
 * and returns every frame's duration (the gap between consecutive animation-frame callbacks).
 */
export function scriptedScroll(args: { selector: string; frames: number }): Promise<{ deltas: number[]; start: number; scrolled: number }> {
  const el = document.querySelector<HTMLElement>(args.selector);
  if (!el) throw new Error(`nothing matches ${args.selector}`);
  el.scrollTop = 0;
  const total = el.scrollHeight - el.clientHeight;
  const step = total / args.frames;
  const deltas: number[] = [];
  return new Promise((resolve) => {
    let last = 0;
    let i = 0;
    const start = performance.now();
    const frame = (now: number) => {
      if (last) deltas.push(now - last);
      last = now;
      if (i++ >= args.frames) {
        resolve({ deltas, start, scrolled: el.scrollTop });
        return;
      }
      el.scrollTop = Math.round(step * i);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

/**
 * Selects characters [from, to) of the `index`-th paragraph of the pane showing `title`, the way a
 * drag ends up: the paragraph scrolled into view, the pane focused, the selection set.
 */
export function selectInPane(args: { title: string; index: number; from: number; to: number }): void {
  const pane = [...document.querySelectorAll<HTMLElement>('section.pane')].find((p) => p.getAttribute('aria-label') === args.title);
  const root = pane?.querySelector<HTMLElement>('.source-text');
  const para = root?.children[args.index] as HTMLElement | undefined;
  if (!root || !para) throw new Error(`no paragraph ${args.index} in ${args.title}`);
  para.scrollIntoView({ block: 'center' });
  const walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT);
  const node = walker.nextNode() as Text | null;
  if (!node) throw new Error(`paragraph ${args.index} has no text`);
  root.focus({ preventScroll: true });
  const to = Math.min(args.to, node.length);
  window.getSelection()!.setBaseAndExtent(node, Math.min(args.from, to - 1), node, to);
}

/** Notes when the next Enter is pressed (captured before the app sees it): the save's start. */
export function armEnterProbe(): void {
  const w = window as unknown as { __benchEnterAt: number };
  w.__benchEnterAt = 0;
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Enter') w.__benchEnterAt = performance.now();
    },
    { capture: true, once: true },
  );
}

export function enterAt(): number {
  return (window as unknown as { __benchEnterAt: number }).__benchEnterAt;
}

/** How many paragraphs the pane showing `title` renders. */
export function paragraphCount(title: string): number {
  const pane = [...document.querySelectorAll<HTMLElement>('section.pane')].find((p) => p.getAttribute('aria-label') === title);
  return pane?.querySelector('.source-text')?.children.length ?? 0;
}

/**
 * The rendering of `count` frames that each change one character of text outside every pane (as a
 * status line, a note being typed or a rating would): from the animation-frame callback that
 * writes it to the task queued there, which runs once that frame's style, layout, paint and commit
 * are done. Between samples the page rests for 50 ms.
 */
export async function frameAfterChangeElsewhere(args: { count: number }): Promise<number[]> {
  const probe = document.createElement('span');
  probe.style.cssText = 'position:fixed;left:0;bottom:0;font-size:10px;opacity:0.01;pointer-events:none';
  probe.textContent = '0';
  document.body.append(probe);
  const out: number[] = [];
  try {
    for (let i = 0; i < args.count; i++) {
      await new Promise((r) => setTimeout(r, 50));
      out.push(
        await new Promise<number>((resolve) =>
          requestAnimationFrame(() => {
            const t0 = performance.now();
            probe.textContent = String(i % 10);
            setTimeout(() => resolve(performance.now() - t0), 0);
          }),
        ),
      );
    }
  } finally {
    probe.remove();
  }
  return out;
}
