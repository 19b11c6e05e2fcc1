import type { ShareJob } from '../../shared/share';
import { call } from '../api/client';
import type { ShareSource } from './ShareContext';

/** How often a running import is asked for its progress. */
const POLL_MS = 150;

/**
 * Starts an import job for `source` and follows it until it ends, reporting progress on the way.
 * Resolves with the job's last status (done, failed or cancelled); the caller decides what to show.
 */
export async function runImportJob(source: ShareSource, dryRun: boolean, onStart: (jobId: string) => void, onProgress: (job: ShareJob) => void): Promise<ShareJob> {
  const { jobId } = await call('share.startImport', { ...source, dryRun });
  onStart(jobId);
  for (;;) {
    const job = await call('share.importJob', { jobId });
    if (job.state !== 'running') return job;
    onProgress(job);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
