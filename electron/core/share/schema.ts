/**
 * Schemas for annotation files from colleagues and other tools. They check only what Crossread
 * reads, with a limit on every string and list, and let unknown properties through untouched
 * (other tools add their own): the file is then read into the neutral model (read.ts).
 */
import { z } from 'zod';
import { DocumentPatch, TagName } from '../../../shared/contract';
import { SHARE_LIMITS as L } from './limits';

/** A document's details are checked as the API checks an edit of them (one definition, contract.ts). */
const DocumentDetails = DocumentPatch.required().shape;

const Str = (max: number) => z.string().max(max, `longer than ${max} characters`);
const Short = Str(L.maxShort);
export const Time = z
  .string()
  .max(64)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a date and time (ISO 8601 expected)');
// A list is tried first: annotation files from Crossread carry lists in most of these places, and a
// branch that fails costs an issue object (this schema checks every item of a 10,000-claim file).
const OneOrMany = <T extends z.ZodType>(t: T, max: number) => z.union([z.array(t).max(max, `more than ${max} entries`), t]);

export const Selector = z
  .looseObject({
    type: Str(200),
    exact: Str(L.maxQuote).optional(),
    prefix: Str(L.maxQuote).optional(),
    suffix: Str(L.maxQuote).optional(),
    start: z.number().int().nonnegative().optional(),
    end: z.number().int().nonnegative().optional(),
  })
  .superRefine((s, ctx) => {
    if (s.type === 'TextQuoteSelector' && s.exact === undefined) {
      ctx.addIssue({ code: 'custom', path: ['exact'], message: 'a TextQuoteSelector needs "exact"' });
    }
    if (s.type === 'TextQuoteSelector' && s.exact === '') {
      ctx.addIssue({ code: 'custom', path: ['exact'], message: 'the quote is empty' });
    }
    if (s.type === 'TextPositionSelector' && (s.start === undefined || s.end === undefined || s.end <= s.start)) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'a TextPositionSelector needs "start" and an "end" after it' });
    }
  });
export type Selector = z.infer<typeof Selector>;

const SpecificTarget = z.looseObject({
  id: Short.optional(),
  // An IRI, or (as some tools write it) an object naming one.
  source: z.union([Short, z.looseObject({ id: Short.optional() })]).optional(),
  selector: OneOrMany(Selector, 20).optional(),
});
export const Target = z.union([Short, SpecificTarget]);
export type Target = z.infer<typeof Target>;

const Agent = z.union([z.looseObject({ id: Short.optional(), name: Short.optional(), nickname: Short.optional() }), Short]);
export type Agent = z.infer<typeof Agent>;
const Agents = OneOrMany(Agent, 20);

export const Body = z.union([
  Str(L.maxNote),
  z.looseObject({
    id: Short.optional(),
    type: OneOrMany(Str(200), 10).optional(),
    value: Str(L.maxNote).optional(),
    purpose: OneOrMany(Str(200), 10).optional(),
    format: Str(200).optional(),
    creator: Agents.optional(),
    created: Time.optional(),
    modified: Time.optional(),
    'cr:tag': Short.optional(),
    'cr:relation': Short.optional(),
  }),
]);
export type Body = z.infer<typeof Body>;

export const W3CAnnotation = z.looseObject({
  id: Short.optional(),
  type: OneOrMany(Str(200), 10).optional(),
  motivation: OneOrMany(Str(200), 10).optional(),
  body: OneOrMany(Body, 500).optional(),
  bodyValue: Str(L.maxNote).optional(),
  target: OneOrMany(Target, 20),
  creator: Agents.optional(),
  created: Time.optional(),
  modified: Time.optional(),
  'cr:deleted': Time.optional(),
  'cr:from': Short.optional(),
  'cr:to': Short.optional(),
});
export type W3CAnnotation = z.infer<typeof W3CAnnotation>;

const Uuid = z.uuid('not a UUID');
const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour as #rrggbb');

/** Crossread's own extension on the collection (`cr:project`). */
export const CrossreadExtension = z.looseObject({
  version: z.union([z.literal(1), z.literal(2)], 'this file was written by a newer Crossread (unknown format version)'),
  /** What TextPositionSelectors count (version 2 and later; version 1 counted UTF-16 code units). */
  positions: z.enum(['code-points', 'utf-16']).optional(),
  /** Deleted claims and links (version 2 and later), as the annotations they were, each with cr:deleted. */
  tombstones: z.array(z.unknown()).max(L.maxItems, `more than ${L.maxItems} tombstones`).optional(),
  tags: z
    .array(
      z.looseObject({
        id: Uuid,
        name: TagName,
        color: Color,
        position: z.number().int(),
        modified: Time,
        deleted: Time.nullable(),
        // The code system (optional: files from before it have none).
        parent: Uuid.nullable().optional(),
        definition: Str(4000).optional(),
        useWhen: Str(4000).optional(),
        avoidWhen: Str(4000).optional(),
        example: Str(4000).optional(),
        mergedInto: Uuid.nullable().optional(),
      }),
    )
    .max(L.maxTags),
  relations: z
    .array(
      z.looseObject({
        id: Uuid,
        name: TagName,
        inverseName: TagName,
        symmetric: z.boolean(),
        builtin: Str(40).nullable(),
        position: z.number().int(),
        modified: Time,
      }),
    )
    .max(L.maxTags),
  documents: z
    .array(
      z.looseObject({
        source: Short,
        title: DocumentDetails.title,
        outlet: DocumentDetails.outlet,
        author: DocumentDetails.author,
        date: DocumentDetails.date,
        language: DocumentDetails.language,
        sourceName: Str(255),
        format: z.enum(['txt', 'md', 'html', 'docx', 'pdf']),
        length: z.number().int().nonnegative().optional(),
        modified: Time,
        text: Str(L.maxText).optional(),
      }),
    )
    .max(L.maxDocuments),
  summary: z
    .looseObject({ json: Str(L.maxNote), text: Str(L.maxNote), author: Short, modifiedAt: Time })
    .nullable()
    .optional(),
});
export type CrossreadExtension = z.infer<typeof CrossreadExtension>;

export const HypothesisAnnotation = z.looseObject({
  id: Short,
  created: Time.optional(),
  updated: Time.optional(),
  user: Short.optional(),
  user_info: z.looseObject({ display_name: Short.nullable().optional() }).nullable().optional(),
  uri: Short.optional(),
  text: Str(L.maxNote).optional(),
  tags: z.array(Str(200)).max(500).optional(),
  target: z.array(z.looseObject({ source: Short.optional(), selector: z.array(Selector).max(20).optional() })).max(20).optional(),
  references: z.array(Short).max(1000).optional(),
});
export type HypothesisAnnotation = z.infer<typeof HypothesisAnnotation>;
