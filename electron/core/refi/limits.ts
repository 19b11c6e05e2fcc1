/** Limits on a REFI-QDA project file: it is untrusted, so nothing in it may exhaust the app. */
export interface RefiLimits {
  maxFileBytes: number;
  maxEntries: number;
  maxInflatedBytes: number;
  maxXmlBytes: number;
  maxDepth: number;
  maxElements: number;
  maxText: number;
  maxSetMembers: number;
  maxMs: number;
}

export const REFI_LIMITS: Readonly<RefiLimits> = {
  /** Largest .qdpx read, in bytes (checked before it is opened). */
  maxFileBytes: 200 * 1024 * 1024,
  /** Entries in the ZIP (a project is one XML file and its sources). */
  maxEntries: 20_000,
  /** Bytes inflated from the ZIP altogether, counted as they come out (a ZIP may lie about its sizes). */
  maxInflatedBytes: 300 * 1024 * 1024,
  /** The project XML itself. */
  maxXmlBytes: 100 * 1024 * 1024,
  /** Deepest nesting of XML elements (a code tree nests, but not like this). */
  maxDepth: 64,
  /** XML elements in the project. */
  maxElements: 2_000_000,
  /** One source's text, in UTF-16 code units (the same limit as document import). */
  maxText: 5_000_000,
  /** Member sources of one Set (a set is a group of documents, and a project has not this many). */
  maxSetMembers: 20_000,
  /** Wall-clock time for reading the file, in milliseconds. */
  maxMs: 20_000,
};
