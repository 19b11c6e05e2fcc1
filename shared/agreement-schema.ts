/** The API shapes of intercoder agreement: what is asked (authors, tags) and the report answered. */
import { z } from 'zod';

const Id = z.uuid();
const Author = z.string().max(200);

export const AgreementQuery = z
  .object({
    /** The authors to compare (at least two to get figures); all authors with claims when left out. */
    authors: z.array(Author).max(50).optional(),
    /** The tags to compare on; every tag the chosen authors used when left out. */
    tagIds: z.array(Id).max(10_000).optional(),
  })
  .strict();
export type AgreementQuery = z.infer<typeof AgreementQuery>;

export const AgreementFileFormat = z.enum(['csv', 'html']);
export type AgreementFileFormat = z.infer<typeof AgreementFileFormat>;

const Figure = z.number().nullable();

/** Percent agreement and Cohen's kappa of one pair of authors over `units` (unit × tag) ratings. */
export const PairLevelFigures = z.object({ units: z.number().int().nonnegative(), agreement: Figure, kappa: Figure });

export const PairFiguresRow = z.object({
  a: z.string(),
  b: z.string(),
  paragraph: PairLevelFigures,
  sentence: PairLevelFigures,
});
export type PairFiguresRow = z.infer<typeof PairFiguresRow>;

/** Krippendorff's alpha of all chosen authors (nominal: coded or not, per unit and tag). */
export const AlphaFigures = z.object({ paragraph: Figure, sentence: Figure, segments: Figure });
export type AlphaFigures = z.infer<typeof AlphaFigures>;

/** The figures of one scope: all documents and tags, one tag, or one document. */
export const AgreementRow = z.object({
  /** The tag's or document's id; null for the row over everything. */
  id: Id.nullable(),
  label: z.string(),
  /** Documents in the row that at least two chosen authors coded (the others give no pairs). */
  documents: z.number().int().nonnegative(),
  pairs: z.array(PairFiguresRow),
  alpha: AlphaFigures,
});
export type AgreementRow = z.infer<typeof AgreementRow>;

export const DisagreementKind = z.enum(['oneOnly', 'differentTags', 'extent']);
export type DisagreementKind = z.infer<typeof DisagreementKind>;

/** One author's claim in a disagreement (only the chosen tags in `tagIds`). */
export const DisagreementSide = z.object({
  author: z.string(),
  claimId: Id,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  exact: z.string(),
  tagIds: z.array(Id),
});
export type DisagreementSide = z.infer<typeof DisagreementSide>;

/**
 * Where a pair of authors coded differently: a claim of one with nothing of the other overlapping it
 * (`oneOnly`), overlapping claims with different tags (`differentTags`), or overlapping claims
 * with the same tags over different extents (`extent`). `left` is author `a` of the pair.
 */
export const Disagreement = z.object({
  kind: DisagreementKind,
  documentId: Id,
  a: z.string(),
  b: z.string(),
  left: DisagreementSide.nullable(),
  right: DisagreementSide.nullable(),
});
export type Disagreement = z.infer<typeof Disagreement>;

export const AgreementReport = z.object({
  /** Every author with a live claim, for the chooser. */
  authors: z.array(z.string()),
  /** The authors compared. */
  chosenAuthors: z.array(z.string()),
  /** The tags compared, in code-system order. */
  tags: z.array(z.object({ id: Id, name: z.string() })),
  documents: z.array(z.object({ id: Id, label: z.string() })),
  overall: AgreementRow,
  byTag: z.array(AgreementRow),
  byDocument: z.array(AgreementRow),
  disagreements: z.array(Disagreement),
});
export type AgreementReport = z.infer<typeof AgreementReport>;
