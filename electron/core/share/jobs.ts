/**
 * Importing an annotation file as a job the UI starts, watches and may cancel. The expensive part —
 * finding where each new claim belongs — runs ahead of the merge in slices that yield to the event
 * loop, so the browser-mode server keeps answering other requests; the merge then runs in one
 * short transaction that only looks the placements up. A cancelled job writes nothing.
 */
import { randomUUID } from 'node:crypto';
import type { ShareJob } from '../../../shared/share';
import { AppError } from '../errors';
import { contentHash } from '../store/documents';
import type { Project } from '../store/project';
import { type AnchorText, ClaimAnchorer, tooManyOrphans } from './anchoring';
import { SHARE_LIMITS } from './limits';
import type { SharedFile } from './model';
import { readSharedFileInSteps } from './read';
import { mergeShared } from './service';

/** How long a slice of work may hold the event loop before it yields, in milliseconds. */
const SLICE_MS = 20;
/** Finished jobs kept for their status call; older ones are forgotten. */
const KEEP_FINISHED = 16;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Job {
  status: ShareJob;
  cancelled: boolean;
}

/** Ends a job's run when the user cancelled it; never leaves this file. */
class Cancelled extends Error {}

/**
 * Runs `steps` to the end, yielding to the event loop every SLICE_MS; after each pause `check`
 * throws when the job should stop (cancelled, or its project closed meanwhile).
 */
async function inSlices<T>(steps: Generator<void, T>, check: () => void): Promise<T> {
  let slice = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - slice > SLICE_MS) {
      await yieldToEventLoop();
      check();
      slice = performance.now();
    }
  }
}

/** Searches ahead for each new claim, one step per claim, counting progress. */
function* planSteps(job: Job, anchorer: ClaimAnchorer, claims: SharedFile['claims'], texts: AnchorText[], byHash: Map<string, string>): Generator<void, void> {
  for (const c of claims) {
    anchorer.plan(c, texts, byHash);
    job.status.done++;
    yield;
  }
}

/** The texts a claim of `file` may end up in: the project's documents and the file's embedded ones it would add. */
function candidateTexts(project: Project, file: SharedFile): { texts: AnchorText[]; byHash: Map<string, string> } {
  const byHash = new Map<string, string>();
  for (const d of project.documents.list()) if (!byHash.has(d.hash)) byHash.set(d.hash, project.documents.text(d.id));
  for (const d of file.documents) {
    if (d.text !== null && !byHash.has(d.hash) && contentHash(d.text) === d.hash) byHash.set(d.hash, d.text);
  }
  return { texts: [...byHash].map(([hash, text]) => ({ hash, text })), byHash };
}

export class ShareJobs {
  private readonly jobs = new Map<string, Job>();

  /**
   * Starts reading and merging `bytes` (a preview with `dryRun`); returns at once. `current` says
   * which project is open when the merge is due: a job whose project was closed meanwhile fails.
   */
  start(project: Project, current: () => Project | null, bytes: Uint8Array, fileName: string, dryRun: boolean): { jobId: string } {
    const id = randomUUID();
    const job: Job = { status: { jobId: id, state: 'running', done: 0, total: 0, result: null, error: null }, cancelled: false };
    this.jobs.set(id, job);
    this.forgetOld();
    void this.run(job, project, current, bytes, fileName, dryRun);
    return { jobId: id };
  }

  status(id: string): ShareJob {
    return this.job(id).status;
  }

  /** Stops a running job before it writes anything; a finished job is left as it is. */
  cancel(id: string): void {
    const job = this.job(id);
    if (job.status.state === 'running') job.cancelled = true;
  }

  private job(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('not-found', 'That import is no longer known (it finished long ago or the app was restarted).');
    return job;
  }

  private async run(job: Job, project: Project, current: () => Project | null, bytes: Uint8Array, fileName: string, dryRun: boolean): Promise<void> {
    const s = job.status;
    // Between slices the user may cancel, or close or switch the project; the job then stops without touching it.
    const check = () => {
      if (job.cancelled) throw new Cancelled();
      if (current() !== project) throw new AppError('conflict', 'The project was closed while the annotation file was being read; nothing was imported.');
    };
    try {
      await yieldToEventLoop();
      const name = fileName.split(/[\\/]/).pop() || 'annotations.json';
      const file = await inSlices(readSharedFileInSteps(bytes, name), check);
      check();
      const anchorer = new ClaimAnchorer(file);
      const { texts, byHash } = candidateTexts(project, file);
      const known = project.database.prepare('SELECT 1 FROM annotations WHERE id = ? UNION ALL SELECT 1 FROM orphans WHERE id = ?');
      const todo = file.claims.filter((c) => !c.deleted && !ClaimAnchorer.refuses(c) && known.get(c.id, c.id) === undefined);
      s.total = todo.length;
      await inSlices(planSteps(job, anchorer, todo, texts, byHash), check);
      check();
      // Refused before the merge, which would otherwise write (and roll back) every one of them in one go.
      if (anchorer.unplaced() > SHARE_LIMITS.maxOrphans) throw tooManyOrphans(name);
      s.result = mergeShared(project, file, name, dryRun, anchorer);
      s.state = 'done';
    } catch (err) {
      if (err instanceof Cancelled) {
        s.state = 'cancelled';
        return;
      }
      s.state = 'failed';
      s.error = err instanceof AppError ? { code: err.code, message: err.message } : { code: 'internal', message: `Something went wrong: ${(err as Error)?.message ?? String(err)}` };
    }
  }

  private forgetOld(): void {
    const finished = [...this.jobs].filter(([, j]) => j.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(id);
  }
}
