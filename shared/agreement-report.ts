/**
 * The intercoder agreement report of a project: for the chosen authors and tags, the figures over
 * everything, per tag and per document, and the list of disagreements.
 *
 * Two kinds of figure, both over ratings "author a coded unit u with tag t: yes / no":
 * - Pairwise percent agreement and Cohen's kappa at the paragraph and the sentence level, over the
 *   documents both authors coded (an author with no claim in a document did not code it, and would
 *   otherwise count as having said "no" to all of it).
 * - Krippendorff's alpha of all chosen authors together, nominal, at the paragraph and sentence
 *   levels and over the coded text segments. For segments we compute nominal alpha over character
 *   units (each segment between claim edges weighted by its length) rather than Krippendorff's
 *   unitized alpha (|u α, 1995/2004): it is the same coded / not-coded continuum compared
 *   character by character, it reads like the other figures, it takes any number of authors, and
 *   alpha's missing values say exactly that an author did not code a document. What it gives up is
 *   |u α's squared-length weighting of mismatched stretches, so a claim a few words longer than a
 *   colleague's costs those characters and no more.
 */
import { krippendorffAlpha, pairFigures, type AlphaUnit, type PairCount } from './agreement';
import { disagreementsIn } from './agreement-disagreements';
import type { AgreementQuery, AgreementReport, AgreementRow, PairFiguresRow } from './agreement-schema';
import { codingOf, segmentsOf, unitsOf, UNIT_LEVELS, type Coding, type CodingClaim, type UnitLevel } from './agreement-units';

export interface AgreementSource {
  documents: readonly { id: string; label: string; text: string }[];
  /** Live claims with their live tags. */
  claims: readonly CodingClaim[];
  /** Live tags in code-system order, labelled with their path. */
  tags: readonly { id: string; name: string }[];
}

/** Units of one kind in one document, with who coded which. */
interface Level {
  count: number;
  /** Character length of each unit (segments); null: every unit counts once. */
  weights: number[] | null;
  coding: Coding;
}

interface DocData {
  id: string;
  label: string;
  /** Chosen authors with a claim in the document, in the chosen order. */
  readers: string[];
  levels: Record<UnitLevel | 'segments', Level>;
}

const setOf = (c: Coding, author: string, tagId: string): ReadonlySet<number> => c.get(author)?.get(tagId) ?? new Set();

function pairTable(docs: readonly DocData[], tagIds: readonly string[], a: string, b: string, level: UnitLevel): PairCount<boolean>[] {
  let yy = 0;
  let yn = 0;
  let ny = 0;
  let units = 0;
  for (const d of docs) {
    if (!d.readers.includes(a) || !d.readers.includes(b)) continue;
    const { count, coding } = d.levels[level];
    for (const t of tagIds) {
      const A = setOf(coding, a, t);
      const B = setOf(coding, b, t);
      for (const u of A) if (B.has(u)) yy++;
      yn += [...A].filter((u) => !B.has(u)).length;
      ny += [...B].filter((u) => !A.has(u)).length;
      units += count;
    }
  }
  return [
    { a: true, b: true, count: yy },
    { a: true, b: false, count: yn },
    { a: false, b: true, count: ny },
    { a: false, b: false, count: units - yy - yn - ny },
  ];
}

/**
 * Alpha of the chosen authors over (unit, tag) ratings. Units with the same pattern of answers are
 * merged into one weighted unit, so the cost follows the coded units, not the length of the text.
 */
function alphaOf(docs: readonly DocData[], tagIds: readonly string[], authors: readonly string[], level: UnitLevel | 'segments'): number | null {
  const byPattern = new Map<string, AlphaUnit<boolean> & { weight: number }>();
  const add = (values: (boolean | null)[], weight: number) => {
    if (weight === 0) return;
    const key = values.map((v) => (v === null ? '-' : v ? '1' : '0')).join('');
    const unit = byPattern.get(key);
    if (unit) unit.weight += weight;
    else byPattern.set(key, { values, weight });
  };
  for (const d of docs) {
    if (d.readers.length < 2) continue;
    const { count, weights, coding } = d.levels[level];
    const weightOf = (u: number) => weights?.[u] ?? 1;
    const total = weights ? weights.reduce((s, w) => s + w, 0) : count;
    for (const t of tagIds) {
      const sets = authors.map((a) => (d.readers.includes(a) ? setOf(coding, a, t) : null));
      const touched = new Set<number>();
      for (const s of sets) if (s) for (const u of s) touched.add(u);
      let rest = total;
      for (const u of touched) {
        add(sets.map((s) => (s ? s.has(u) : null)), weightOf(u));
        rest -= weightOf(u);
      }
      add(sets.map((s) => (s ? false : null)), rest);
    }
  }
  return krippendorffAlpha([...byPattern.values()]);
}

function rowOf(id: string | null, label: string, docs: readonly DocData[], tagIds: readonly string[], authors: readonly string[]): AgreementRow {
  const pairs: PairFiguresRow[] = [];
  for (let i = 0; i < authors.length; i++) {
    for (let j = i + 1; j < authors.length; j++) {
      const [a, b] = [authors[i]!, authors[j]!];
      pairs.push({ a, b, paragraph: pairFigures(pairTable(docs, tagIds, a, b, 'paragraph')), sentence: pairFigures(pairTable(docs, tagIds, a, b, 'sentence')) });
    }
  }
  return {
    id,
    label,
    documents: docs.filter((d) => d.readers.length >= 2).length,
    pairs,
    alpha: {
      paragraph: alphaOf(docs, tagIds, authors, 'paragraph'),
      sentence: alphaOf(docs, tagIds, authors, 'sentence'),
      segments: alphaOf(docs, tagIds, authors, 'segments'),
    },
  };
}

export function buildAgreement(source: AgreementSource, query: AgreementQuery): AgreementReport {
  const authors = [...new Set(source.claims.map((c) => c.author))].sort((x, y) => x.localeCompare(y));
  const chosenAuthors = [...new Set(query.authors ?? authors)];
  const chosen = new Set(chosenAuthors);
  const theirs = source.claims.filter((c) => chosen.has(c.author));
  const wanted = query.tagIds ? new Set(query.tagIds) : new Set(theirs.flatMap((c) => c.tagIds));
  const tags = source.tags.filter((t) => wanted.has(t.id));
  const tagIds = tags.map((t) => t.id);
  const claims = theirs.map((c) => ({ ...c, tagIds: c.tagIds.filter((t) => wanted.has(t)) }));

  const docs: DocData[] = [];
  const disagreements: AgreementReport['disagreements'] = [];
  for (const doc of source.documents) {
    const inDoc = claims.filter((c) => c.documentId === doc.id);
    const readers = chosenAuthors.filter((a) => inDoc.some((c) => c.author === a));
    const levels = {} as DocData['levels'];
    for (const level of UNIT_LEVELS) {
      const units = unitsOf(doc.text, level);
      levels[level] = { count: units.length, weights: null, coding: codingOf(units, inDoc) };
    }
    const segments = segmentsOf(doc.text, inDoc);
    levels.segments = { count: segments.length, weights: segments.map((s) => s.end - s.start), coding: codingOf(segments, inDoc) };
    docs.push({ id: doc.id, label: doc.label, readers, levels });
    for (let i = 0; i < readers.length; i++) {
      for (let j = i + 1; j < readers.length; j++) disagreements.push(...disagreementsIn(doc.id, doc.text, inDoc, readers[i]!, readers[j]!));
    }
  }
  return {
    authors,
    chosenAuthors,
    tags: tags.map((t) => ({ id: t.id, name: t.name })),
    documents: docs.map((d) => ({ id: d.id, label: d.label })),
    overall: rowOf(null, '', docs, tagIds, chosenAuthors),
    byTag: tags.map((t) => rowOf(t.id, t.name, docs, [t.id], chosenAuthors)),
    byDocument: docs.map((d) => rowOf(d.id, d.label, [d], tagIds, chosenAuthors)),
    disagreements,
  };
}
