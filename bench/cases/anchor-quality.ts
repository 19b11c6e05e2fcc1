import fs from 'node:fs';
import path from 'node:path';
import { anchorAcross, REVIEW_BELOW } from '../../shared/anchor';
import { quoteOf } from '../../shared/text';
import { CORPUS } from '../lib/corpus';
import { editedCopy, quoteRanges } from '../lib/edited-copy';
import type { BenchCase, Row } from '../types';

const FILES = ['kazpravda-2025-11-07-velizade.txt', 'caravan-2025-11-kazantsev.txt', 'zakon-2026-03-02-badamov.txt'];
const QUOTES_PER_TEXT = 200;

type Outcome = 'right' | 'wrong' | 'review' | 'none';

/**
 * Whether a placement is where the quote went in the copy: overlapping its true range by at least
 * half of the two together. A quote whose text was dropped has no true range: placing it is wrong.
 */
function judge(found: { start: number; end: number } | null, truth: { start: number; end: number } | null, score: number): Outcome {
  if (!found) return 'none';
  if (score < REVIEW_BELOW) return 'review';
  if (!truth) return 'wrong';
  const overlap = Math.min(found.end, truth.end) - Math.max(found.start, truth.start);
  const union = Math.max(found.end, truth.end) - Math.min(found.start, truth.start);
  return overlap > 0 && overlap / union >= 0.5 ? 'right' : 'wrong';
}

/** Anchoring quality: claims re-anchored on corrected copies of the corpus, placed right, wrong, sent to review or not placed. */
export const anchorQualityCase: BenchCase = {
  id: 'anchor-quality',
  title: 'Anchoring quality: 600 quotes of 4–160 characters re-anchored on edited copies of the corpus (right / wrong / review / not placed)',
  async run(ctx) {
    const texts = FILES.map((f) => fs.readFileSync(path.join(CORPUS, f), 'utf8').replace(/\r\n?/g, '\n'));
    const share: Record<Outcome, number[]> = { right: [], wrong: [], review: [], none: [] };
    const perClaim: number[] = [];
    let vanishedNote = '';
    for (let run = 0; run < ctx.runs; run++) {
      const counts: Record<Outcome, number> = { right: 0, wrong: 0, review: 0, none: 0 };
      let total = 0;
      let vanished = 0;
      let ms = 0;
      for (const [i, original] of texts.entries()) {
        const seed = 1000 * run + i;
        const copy = editedCopy(original, seed);
        for (const r of quoteRanges(original, QUOTES_PER_TEXT, seed + 500)) {
          const q = quoteOf(original, r.start, r.end);
          const a = copy.map[r.start]!;
          const b = copy.map[r.end]!;
          // The quote's text is gone when any of it was dropped with its sentence.
          const truth = a >= 0 && b >= 0 && copy.map.subarray(r.start, r.end).every((x) => x >= 0) ? { start: a, end: b } : null;
          if (!truth) vanished++;
          const t0 = performance.now();
          const m = anchorAcross([{ key: 0, text: copy.text }], q, { start: r.start, sourceLength: original.length });
          ms += performance.now() - t0;
          counts[judge(m?.match ?? null, truth, m?.match.score ?? 0)]++;
          total++;
        }
      }
      for (const k of Object.keys(counts) as Outcome[]) share[k].push((100 * counts[k]) / total);
      perClaim.push(ms / total);
      vanishedNote = `${vanished} of ${total} quotes lost their text in the edit (their right outcome is review or not placed)`;
      ctx.log(`anchor-quality: right ${counts.right}, wrong ${counts.wrong}, review ${counts.review}, not placed ${counts.none} of ${total} (${vanished} vanished)`);
    }
    const row = (metric: string, samples: number[], note: string, limit?: number): Row => ({
      caseId: 'anchor-quality',
      metric,
      unit: '%',
      samples,
      note,
      ...(limit === undefined ? {} : { budget: { kind: 'max', on: 'median', limit } }),
    });
    return [
      row('placed right', share.right, 'overlapping the quote’s true place in the copy by at least half'),
      row('placed wrong', share.wrong, 'placed silently elsewhere, or placed although its text was dropped', 2),
      row('sent to review', share.review, `a match below ${REVIEW_BELOW} shown with its candidate; ${vanishedNote}`),
      row('not placed', share.none, 'no match at all (kept as an orphan)'),
      { caseId: 'anchor-quality', metric: 're-anchor one claim', unit: 'ms', samples: perClaim, note: 'anchorAcross on one edited copy, no project' },
    ];
  },
};
