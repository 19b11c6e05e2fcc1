/**
 * Schemas of the sharing API (annotation files: W3C Web Annotation export/import, merge, anchor
 * health, orphans, conflicts), used by the API table in contract.ts, the core and the renderer.
 */
import { z } from 'zod';

/** What an import does to claims (or links): counted before anything is written, then again when applied. */
export const ShareCounts = z.object({
  new: z.number().int(),
  updated: z.number().int(),
  conflicts: z.number().int(),
  /** New claims whose quote could not be found in any document: kept in the Orphans list. */
  orphans: z.number().int(),
  unchanged: z.number().int(),
  deleted: z.number().int(),
  /** Of the new ones, how many were found by approximate (fuzzy) matching. */
  reanchored: z.number().int(),
});
export type ShareCounts = z.infer<typeof ShareCounts>;

export const SharePreview = z.object({
  fileName: z.string(),
  kind: z.enum(['crossread', 'w3c', 'hypothesis']),
  /** False for a preview (dry run): nothing was written. */
  applied: z.boolean(),
  /** Whether applying changes (or changed) anything at all. */
  changed: z.boolean(),
  claims: ShareCounts,
  links: ShareCounts,
  byDocument: z.array(z.object({ title: z.string(), counts: ShareCounts })),
  byAuthor: z.array(z.object({ author: z.string(), counts: ShareCounts })),
  tagsCreated: z.number().int(),
  documentsCreated: z.number().int(),
  skipped: z.array(z.object({ path: z.string(), reason: z.string() })),
  skippedTotal: z.number().int(),
  /** What the import does to the rest of the project, by kind (rows of the preview beside claims and links). */
  other: z.object({
    notes: ShareCounts,
    tags: ShareCounts,
    relations: ShareCounts,
    documents: ShareCounts,
    summary: ShareCounts,
  }),
  /** Every conflict the import records (what Orphans and conflicts will list), by kind of item. */
  recorded: z.record(z.enum(['annotation', 'link', 'note', 'tag', 'relation', 'document', 'summary', 'attribute', 'attribute_value',
    'hypothesis_analysis', 'hypothesis', 'hypothesis_row', 'hypothesis_rating', 'cluster_title']), z.number().int()),
  /** New claims whose search was cut short by the file's allowance of work (they may have ended as orphans). */
  anchorLimited: z.number().int(),
});
export type SharePreview = z.infer<typeof SharePreview>;

/** An import running in the background (preview or apply): progress while it searches, then its result. */
export const ShareJob = z.object({
  jobId: z.uuid(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** New claims searched so far, of `total`. */
  done: z.number().int(),
  total: z.number().int(),
  result: SharePreview.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type ShareJob = z.infer<typeof ShareJob>;

/** An annotation file travels as base64, like imported documents (50 MB limit, checked again in the core). */
export const ShareFile = z
  .object({ name: z.string().min(1).max(255), dataBase64: z.string().max(70 * 1024 * 1024, 'the file is larger than the 50 MB limit') })
  .strict();

export const AnchorHealth = z.object({
  annotationId: z.uuid(),
  state: z.enum(['fuzzy']),
  errors: z.number().int(),
  originalExact: z.string(),
  sourceFile: z.string(),
});
export type AnchorHealth = z.infer<typeof AnchorHealth>;

export const Orphan = z.object({
  id: z.uuid(),
  source: z.string(),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  tags: z.array(z.string()),
  noteText: z.string(),
  author: z.string(),
  createdAt: z.string(),
  sourceFile: z.string(),
  /**
   * Where the import's best match was when it scored too low to place the claim silently: the
   * claim waits for the user to accept (placed there) or reject it. Null for a claim found nowhere.
   */
  candidate: z
    .object({
      documentId: z.uuid(),
      title: z.string(),
      start: z.number().int(),
      end: z.number().int(),
      text: z.string(),
      /** A few words of the text on either side, so the user sees where the match sits. */
      before: z.string(),
      after: z.string(),
      confidence: z.number(),
    })
    .nullable(),
});
export type Orphan = z.infer<typeof Orphan>;

export const MergeConflict = z.object({
  id: z.number().int(),
  itemKind: z.enum(['annotation', 'link', 'note', 'tag', 'relation', 'document', 'summary', 'attribute', 'attribute_value',
    'hypothesis_analysis', 'hypothesis', 'hypothesis_row', 'hypothesis_rating', 'cluster_title']),
  itemId: z.string(),
  /** 'mine': this project's version lost (the file's was newer); 'theirs': the file's version lost. */
  losingSide: z.enum(['mine', 'theirs']),
  /** Readable one-line descriptions of the two versions. */
  current: z.string(),
  losing: z.string(),
  canSwap: z.boolean(),
  sourceFile: z.string(),
  createdAt: z.string(),
});
export type MergeConflict = z.infer<typeof MergeConflict>;
