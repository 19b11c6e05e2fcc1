/**
 * The structured dossier: what an export holds, independent of the file format. The core builds
 * one from a project (electron/core/export/build.ts); every format is rendered from it, and the
 * JSON export is this object itself, so a consumer can rebuild every other format from the JSON.
 * The zod schema below is the source of resources/schema/dossier.schema.json (see
 * build/dossier-schema.mjs and tests/unit/export/schema.test.ts, which keeps the two in step).
 */
import { z } from 'zod';
import { GraphFigure } from './graph';
import type { RichBlock, RichInline, RichListItem } from './richtext';

export const DOSSIER_FORMAT = 'crossread-dossier';
export const DOSSIER_VERSION = 1;

export const EXPORT_FORMATS = ['html', 'pdf', 'docx', 'md', 'json', 'csv'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const DossierLanguage = z.enum(['en', 'ru']);
export type DossierLanguage = z.infer<typeof DossierLanguage>;

export const DossierOrder = z.enum(['date', 'document']);
export type DossierOrder = z.infer<typeof DossierOrder>;

/** A link target a reader may follow; anything else is stored as null (the text stays). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused
const SafeHref = z.string().max(2048).regex(/^(https?:|mailto:)[^\s\u0000-\u001f\u007f]*$/i, 'only http, https and mailto links');
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const TextRun = z.object({
  kind: z.literal('text'),
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
  strike: z.boolean().optional(),
  code: z.boolean().optional(),
});
const Inline: z.ZodType<RichInline> = z.discriminatedUnion('kind', [
  TextRun,
  z.object({ kind: z.literal('link'), href: SafeHref.nullable(), children: z.array(TextRun) }),
  z.object({ kind: z.literal('break') }),
]);
const ListItem: z.ZodType<RichListItem> = z.object({
  inlines: z.array(Inline),
  get children() {
    return z.array(Block);
  },
});
const Block: z.ZodType<RichBlock> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paragraph'), inlines: z.array(Inline) }),
  z.object({ kind: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]), inlines: z.array(Inline) }),
  z.object({ kind: z.literal('quote'), inlines: z.array(Inline) }),
  z.object({ kind: z.literal('list'), ordered: z.boolean(), items: z.array(ListItem) }),
]);

/** Rich text (a note, the summary) as neutral blocks, plus its plain text. */
export const DossierRichText = z.object({ blocks: z.array(Block), text: z.string() });
export type DossierRichText = z.infer<typeof DossierRichText>;

/** Where a quote sits: the source's outlet and date and the 1-based paragraph number. */
export const Citation = z.object({
  sourceId: z.string(),
  outlet: z.string(),
  title: z.string(),
  date: Day.nullable(),
  paragraph: z.number().int().positive(),
  /** For a paged source (PDF): the 1-based page, and then `paragraph` counts from the top of that page. */
  page: z.number().int().positive().optional(),
});
export type Citation = z.infer<typeof Citation>;

export const DossierSource = z.object({
  id: z.string(),
  /** Position in the sources table; HTML anchors are "src-<number>". */
  number: z.number().int().positive(),
  title: z.string(),
  outlet: z.string(),
  author: z.string(),
  date: Day.nullable(),
  language: z.string(),
  words: z.number().int().nonnegative(),
  hash: z.string(),
  claims: z.number().int().nonnegative(),
  /** The source's attribute values ("expert's country": "Azerbaijan"), in the project's attribute order; only those it has. */
  attributes: z.array(z.object({ name: z.string(), value: z.string() })).default([]),
});
export type DossierSource = z.infer<typeof DossierSource>;

export const DossierTag = z.object({
  id: z.string(),
  name: z.string(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** A subtag's place in the code system: "economic ▸ sanctions" (absent for a top-level tag). */
  path: z.string().optional(),
  /** The parent tag's id (absent at the top level). */
  parentId: z.string().optional(),
  /** The tag's codebook definition, when the dossier was asked to include descriptions and it has one. */
  definition: z.string().optional(),
});
export type DossierTag = z.infer<typeof DossierTag>;

export const DossierLink = z.object({
  id: z.string(),
  /** How the link reads from this claim, in the dossier's language: "is supported by". */
  relation: z.string(),
  /** 'supports' | 'contradicts' | 'elaborates' | 'same-claim', or null for the user's own types. */
  kind: z.string().nullable(),
  direction: z.enum(['out', 'in']),
  counterpartId: z.string(),
  /** The counterpart's claim number when it is in this dossier (null when it was left out). */
  counterpartNumber: z.number().int().positive().nullable(),
  quote: z.string(),
  citation: Citation,
  note: z.string(),
});
export type DossierLink = z.infer<typeof DossierLink>;

export const DossierClaim = z.object({
  id: z.string(),
  /** Position in the dossier; HTML anchors are "claim-<number>". */
  number: z.number().int().positive(),
  quote: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  citation: Citation,
  /** Every tag of the claim (names), in the user's tag order. */
  tags: z.array(z.string()),
  note: DossierRichText.nullable(),
  author: z.string(),
  links: z.array(DossierLink),
  /** The Admiralty grade the claim counts under ("B2"): its own override of either half, else its source's; null when ungraded. */
  grade: z.string().nullable().default(null),
});
export type DossierClaim = z.infer<typeof DossierClaim>;

export const FindingSection = z.object({
  /** null: the untagged claims. */
  tag: DossierTag.nullable(),
  claimIds: z.array(z.string()),
});
export type FindingSection = z.infer<typeof FindingSection>;

export const CrossGroup = z.object({
  number: z.number().int().positive(),
  /**
   * A claim cluster's members (claims joined by "same claim" links, as the app's clusters), or one
   * claim that others support or contradict.
   */
  claimIds: z.array(z.string()),
  /** The sources that make the claim (its members' sources). */
  agreeingSourceIds: z.array(z.string()),
  contradicting: z.array(z.object({ claimId: z.string(), sourceId: z.string(), againstClaimId: z.string() })),
  /** The cluster's key claim (its earliest member); null for a group of one claim. */
  clusterKey: z.string().nullable().optional(),
  /** The cluster's title: the analyst's, else the earliest claim's quote; null for a group of one claim. */
  title: z.string().nullable().optional(),
  /** Claims outside the group that support or elaborate a member, or that a member supports or elaborates. */
  linked: z
    .array(
      z.object({
        claimId: z.string(),
        sourceId: z.string(),
        memberId: z.string(),
        kind: z.enum(['supports', 'elaborates']),
        /** true: the outside claim supports (elaborates) the member; false: the member supports it. */
        toMember: z.boolean(),
      }),
    )
    .optional(),
});
export type CrossGroup = z.infer<typeof CrossGroup>;

export const DossierMatrix = z.object({
  sourceIds: z.array(z.string()),
  rows: z.array(z.object({ tag: z.string().nullable(), counts: z.array(z.number().int().nonnegative()), total: z.number().int().nonnegative() })),
  /** Claims per source, each counted once. */
  totals: z.array(z.number().int().nonnegative()),
  total: z.number().int().nonnegative(),
});
export type DossierMatrix = z.infer<typeof DossierMatrix>;

/** A memo in the dossier: the project's, or one on a source document or a tag. */
export const DossierMemo = z.object({
  kind: z.enum(['project', 'document', 'tag']),
  ownerId: z.string().nullable(),
  /** The document's title or the tag's name ('' for the project memo). */
  owner: z.string(),
  author: z.string(),
  modified: z.string(),
  body: DossierRichText,
});
export type DossierMemo = z.infer<typeof DossierMemo>;

/** Names a memo to include: `project`, `document:<id>` or `tag:<id>`. */
export const MemoRef = z.string().regex(/^(project|(document|tag):[0-9a-fA-F-]{36})$/, 'expected project, document:<id> or tag:<id>');

export const Dossier = z.object({
  format: z.literal(DOSSIER_FORMAT),
  version: z.literal(DOSSIER_VERSION),
  generatedAt: z.string(),
  generator: z.string(),
  language: DossierLanguage,
  cover: z.object({
    title: z.string(),
    analyst: z.string(),
    date: Day,
    project: z.string(),
    summary: DossierRichText.nullable(),
  }),
  scope: z.object({
    sources: z.number().int().nonnegative(),
    dateFrom: Day.nullable(),
    dateTo: Day.nullable(),
    undated: z.number().int().nonnegative(),
    claims: z.number().int().nonnegative(),
    links: z.number().int().nonnegative(),
    tags: z.array(z.string()),
    untagged: z.boolean(),
    notes: z.boolean(),
    order: DossierOrder,
  }),
  sources: z.array(DossierSource),
  tags: z.array(DossierTag),
  claims: z.array(DossierClaim),
  findings: z.array(FindingSection),
  groups: z.array(CrossGroup),
  matrix: DossierMatrix,
  /** The memos the analyst chose to include, the project memo first. */
  memos: z.array(DossierMemo),
  /** The claim graph of the dossier's claims, when the analyst asked for it. */
  graph: GraphFigure.optional(),
  /** Competing-hypotheses analyses with at least one hypothesis, scored with the exporting analyst's ratings. */
  assessment: z.array(z.lazy(() => DossierAssessment)).optional(),
});
export type Dossier = z.infer<typeof Dossier>;

/** What the analyst chooses before exporting. Unset tag/source lists mean "all". */
export const DossierOptions = z
  .object({
    title: z.string().trim().max(300).optional(),
    analyst: z.string().trim().max(200).optional(),
    tagIds: z.array(z.string()).max(500).optional(),
    untagged: z.boolean().default(true),
    sourceIds: z.array(z.string()).max(5000).optional(),
    notes: z.boolean().default(true),
    order: DossierOrder.default('date'),
    language: DossierLanguage.default('en'),
    /** Memos to include (the project memo, chosen document and tag memos); none by default. */
    memos: z.array(MemoRef).max(5000).default([]),
    /** CSV only: start with a UTF-8 byte order mark so Excel reads Cyrillic right. */
    bom: z.boolean().default(false),
    /** Print each tag's codebook definition under its findings heading. */
    descriptions: z.boolean().default(false),
    /** Include the claim graph as a figure (HTML and PDF: SVG; DOCX: a picture). */
    graph: z.boolean().default(false),
  })
  .strict();
export type DossierOptions = z.infer<typeof DossierOptions>;
export type DossierOptionsInput = z.input<typeof DossierOptions>;

export const MIME: Record<ExportFormat, string> = {
  html: 'text/html;charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown;charset=utf-8',
  json: 'application/json',
  csv: 'text/csv;charset=utf-8',
};

/**
 * A file name from the dossier title for the save dialog's suggestion: letters (any script),
 * digits, spaces and a few marks survive; path separators, dots at the start, control and
 * reserved characters do not. The user can still change it; content never picks the path.
 */
export function suggestFileName(title: string, format: ExportFormat): string {
  const base = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} _\-–—()[\],]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
    .trim();
  // Windows refuses device names (CON, NUL, COM1…) as file names, whatever the extension.
  const safe = /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(base) ? `Dossier ${base}` : base;
  return `${safe || 'Dossier'}.${format}`;
}

const AchRating = z.enum(['CC', 'C', 'N', 'I', 'II', 'NA']);
const AchLevel = z.enum(['low', 'medium', 'high']);

/** One analysis of competing hypotheses: the question, the hypotheses ranked, the matrix, linchpins and rationales. */
export const DossierAssessment = z.object({
  question: z.string(),
  /** Who made the dossier; with one analyst's ratings, whose they are. */
  analyst: z.string(),
  /**
   * 'analyst': one analyst's ratings. 'group': several analysts rated (colleagues' files merged), so
   * each cell's rating is the consensus of theirs, and the scores, linchpins and diagnosticity come
   * from the consensus, as in the matrix's Group view.
   */
  view: z.enum(['analyst', 'group']),
  /** Whose ratings are shown: the one analyst, or every analyst of the group, in the order of `byAnalyst`. */
  analysts: z.array(z.string()),
  /** In column order; `rank` 1 is the least inconsistent. */
  hypotheses: z.array(z.object({ id: z.string(), title: z.string(), description: z.string(), score: z.number(), rank: z.number().int().positive() })),
  rows: z.array(
    z.object({
      number: z.number().int().positive(),
      kind: z.enum(['claim', 'cluster', 'assumption', 'absent']),
      text: z.string(),
      /** Where a claim row's claim stands (a cluster: its earliest claim); null for typed rows and deleted claims. */
      citation: Citation.nullable(),
      sources: z.number().int().nonnegative(),
      credibility: AchLevel,
      relevance: AchLevel,
      doubtful: z.boolean(),
      missing: z.boolean(),
      diagnosticity: z.number(),
      /** One per hypothesis, in column order; null where the cell is not rated. In the group view, the consensus. */
      ratings: z.array(AchRating.nullable()),
      /** Group view only: per hypothesis, each analyst's rating in the order of `analysts`. */
      byAnalyst: z.array(z.array(AchRating.nullable())).optional(),
      /** Group view only: per hypothesis, the spread (population standard deviation) of the analysts' values, 0 agreed … 2 opposite. */
      disagreement: z.array(z.number()).optional(),
    }),
  ),
  /** Row numbers whose removal changes the top-ranked hypothesis. */
  linchpins: z.array(z.number().int().positive()),
  /** Scores in column order without the doubtful rows; null when no row is doubtful. */
  withoutDoubtful: z.array(z.number()).nullable(),
  rationales: z.array(z.object({ row: z.number().int().positive(), hypothesis: z.string(), rating: AchRating, text: z.string(), analyst: z.string() })),
});
export type DossierAssessment = z.infer<typeof DossierAssessment>;
