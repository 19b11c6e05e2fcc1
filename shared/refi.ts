/**
 * REFI-QDA exchange (.qdpx projects, .qdc codebooks): what an import reports. The preview and the
 * import give the same report; only `applied` differs.
 */
import { z } from 'zod';

/** Records of one kind in the file: added to the project, or already there (by id, or a tag or document by name or text). */
export const RefiCount = z.object({ new: z.number().int().nonnegative(), unchanged: z.number().int().nonnegative() });
export type RefiCount = z.infer<typeof RefiCount>;

export const REFI_SKIPPED_KINDS = ['audio', 'video', 'picture', 'pdf', 'text', 'selection', 'set', 'graph', 'source-coding', 'note', 'link', 'value'] as const;

/** Why an item is not imported, as a code the page words in its own language. */
export const REFI_SKIP_REASONS = [
  'media',
  'no-text',
  'no-representation',
  'deleted',
  'empty',
  'outside',
  'blank',
  'no-guid',
  'pdf-areas',
  'whole-source',
  'not-read',
  'not-between-selections',
  'too-many-relations',
  'unreferenced',
  'bad-value',
  'too-many-members',
  'unknown-members',
  'no-sources',
  'name-taken',
] as const;

export const RefiSkippedItem = z.object({
  kind: z.enum(REFI_SKIPPED_KINDS),
  /** The item's name in the file ('' when it has none). */
  name: z.string(),
  reason: z.enum(REFI_SKIP_REASONS),
  /** The reason in English with its details (positions, names), for the CLI and the log. */
  why: z.string(),
});
export type RefiSkippedItem = z.infer<typeof RefiSkippedItem>;

export const RefiPreview = z.object({
  fileName: z.string(),
  /** The project's name in the file. */
  project: z.string(),
  applied: z.boolean(),
  /** How the file counted positions: code points (the standard) or UTF-16 code units (NVivo). */
  positions: z.enum(['code-points', 'utf-16']),
  documents: RefiCount,
  claims: RefiCount,
  tags: RefiCount,
  notes: RefiCount,
  links: RefiCount,
  attributes: RefiCount,
  values: RefiCount,
  /** Sets of sources, read as document groups: new when they give some document a value. */
  sets: RefiCount,
  /** Users of the file: they become the authors of what they made. */
  authors: z.number().int().nonnegative(),
  skipped: z.array(RefiSkippedItem),
});
export type RefiPreview = z.infer<typeof RefiPreview>;

export const REFI_PROJECT_EXTENSION = '.qdpx';
