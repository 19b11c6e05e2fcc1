import { z } from 'zod';

/**
 * What an undo step did, as a kind and its parameters rather than English text, so every UI
 * language can say it in its own words ("Undone: link «…» supports «…»"). Quotes are cut short by
 * the backend; `other` carries a ready-made text (steps recorded before labels were structured).
 */
export const STEP_KINDS = [
  'claim.create',
  'claim.retag',
  'claim.delete',
  'link.create',
  'link.update',
  'link.delete',
  'autocode',
  'tag.create',
  'tag.rename',
  'tag.recolor',
  'tag.delete',
  'tag.move',
  'tag.describe',
  'tag.merge',
  'tag.moveClaims',
  'document.update',
  'document.delete',
  'relation.create',
  'relation.update',
  'relation.delete',
  'note.clear',
  'memo.clear',
  'other',
  'attribute.create',
  'attribute.rename',
  'attribute.choices',
  'attribute.delete',
  'attribute.value',
  'tag.favourite',
  'analysis.create',
  'analysis.rename',
  'analysis.delete',
  'hypothesis.create',
  'hypothesis.update',
  'hypothesis.move',
  'hypothesis.delete',
  'evidence.add',
  'evidence.update',
  'evidence.move',
  'evidence.delete',
  'rating.set',
  'rating.clear',
  'rating.explain',
  'cluster.rename',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const StepLabel = z.object({
  kind: z.enum(STEP_KINDS),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type StepLabel = z.infer<typeof StepLabel>;

/** One step of the project's history: `id` names it for good (ids are never reused). */
export const HistoryStep = z.object({ id: z.number().int().positive(), label: StepLabel });
export type HistoryStep = z.infer<typeof HistoryStep>;
