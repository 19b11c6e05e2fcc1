import { z } from 'zod';

/**
 * Search hits outside the documents' and notes' text: a document's attribute value (a text or a
 * choice: "Kazakhstan", a note on the outlet) and a tag's codebook entry. The words are matched the
 * way the full-text index matches them (shared/words.ts), so "Казахстане" finds "Казахстан".
 */
const Context = { before: z.string(), match: z.string(), after: z.string() };

/** The four parts of a tag's codebook entry. */
export const CODEBOOK_FIELDS = ['definition', 'useWhen', 'avoidWhen', 'example'] as const;
export const CodebookField = z.enum(CODEBOOK_FIELDS);
export type CodebookField = z.infer<typeof CodebookField>;

export const RecordHit = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('attribute'), documentId: z.uuid(), documentTitle: z.string(), attributeId: z.uuid(), attributeName: z.string(), ...Context }),
  z.object({ kind: z.literal('codebook'), tagId: z.uuid(), tagName: z.string(), field: CodebookField, ...Context }),
]);
export type RecordHit = z.infer<typeof RecordHit>;
