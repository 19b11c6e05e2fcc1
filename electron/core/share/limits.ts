/** Limits on a colleague's annotation file: it is untrusted, so nothing in it may exhaust the app. */
export const SHARE_LIMITS = {
  /** Largest file read, in bytes (checked before the bytes are decoded). */
  maxFileBytes: 50 * 1024 * 1024,
  /** Deepest nesting of objects and arrays (measured before parsing). */
  maxDepth: 32,
  /** Annotations (claims and links) in one file. */
  maxItems: 100_000,
  maxTags: 5_000,
  /** New claims of one file found in no document: a file for another project entirely is refused, not kept as orphans. */
  maxOrphans: 10_000,
  /** Link types one file may add (a file of links naming a new relation each would otherwise add thousands). */
  maxNewRelations: 20,
  maxDocuments: 2_000,
  /** A quote, prefix or suffix, in UTF-16 code units. */
  maxQuote: 100_000,
  /** A note's HTML or text. */
  maxNote: 512 * 1024,
  /** Names, titles, authors, ids. */
  maxShort: 2_000,
  /** An embedded document text (the same limit as document import). */
  maxText: 5_000_000,
} as const;
