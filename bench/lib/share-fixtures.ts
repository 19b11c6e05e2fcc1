/**
 * Inputs of the Share case (bench/cases/share.ts), generated from the corpus with fixed seeds:
 * - two analysts' projects over the same 10 documents: A holds 10,000 claims (tags, notes, links
 *   with notes); B is A as it was when the two last exchanged files (half of the claims, merge bases
 *   recorded), after which A added the other half and re-tagged or re-noted some of the old ones;
 * - a 1,000,000-character report with 1,000 claims, and a corrected copy of it (other line breaks,
 *   edited words) for re-anchoring.
 * Built through the core store (the code the app runs); building is not what is measured.
 */
import fs from 'node:fs';
import path from 'node:path';
import { noteFromPlain } from '../../electron/core/share/html-note';
import { exportText } from '../../electron/core/share/export';
import { Project } from '../../electron/core/store/project';
import { generateText, spreadClaims } from './corpus';
import { seeded } from './stats';

export const SHARE_DOCS = 10;
export const SHARE_CLAIMS_PER_DOC = 1_000;
const SHARE_DOC_LENGTH = 50_000;
export const REANCHOR_LENGTH = 1_000_000;
export const REANCHOR_CLAIMS = 1_000;

/** Every claim whose index is 4 mod 5 is linked to the claim two before it (same half, so links split with their claims). */
const linked = (i: number) => i % 5 === 4;
/** Every third claim carries a note; every other link too. */
const noted = (i: number) => i % 3 === 0;

function addDocument(project: Project, title: string, text: string): string {
  return project.write(
    (now) =>
      project.documents.insert(
        { text, title, outlet: 'Bench', author: 'Generated', date: null, language: 'ru', format: 'txt', encoding: 'utf-8' },
        `${title}.txt`,
        now,
      ).id,
  );
}

/** A deterministic plain-text note about a claim: a few of the document's words around it. */
function noteFor(text: string, start: number, i: number): string {
  return noteFromPlain(`Заметка ${i}: ${text.slice(Math.max(0, start - 60), start).trim() || 'начало текста'}`).json;
}

interface Doc {
  id: string;
  text: string;
  /** Claim ids by their index in spreadClaims' plan (holes for the half not written yet). */
  claims: string[];
}

/** Writes the claims of every document whose plan index has the given parity, with their notes and links. */
function writeHalf(project: Project, docs: readonly Doc[], parity: number, author: string): void {
  const tags = project.tags.list();
  const relation = project.relations.list()[0]!;
  for (const [d, doc] of docs.entries()) {
    project.write((now) => {
      spreadClaims(doc.text, SHARE_CLAIMS_PER_DOC, 600 + d, tags.length).forEach((c, i) => {
        if (i % 2 !== parity) return;
        const claim = project.annotations.create({ documentId: doc.id, start: c.start, end: c.end, tagIds: c.tags.map((t) => tags[t]!.id) }, author, now);
        doc.claims[i] = claim.id;
        if (noted(i)) project.notes.save({ kind: 'annotation', id: claim.id }, noteFor(doc.text, c.start, i), author, now);
        if (linked(i)) {
          const link = project.links.create({ fromId: doc.claims[i - 2]!, toId: claim.id, relationId: relation.id }, author, now);
          if (i % 10 === 4) project.notes.save({ kind: 'link', id: link.id }, noteFromPlain(`Связь ${i}`).json, author, now);
        }
      });
    });
  }
}

/** Changes on A's side after the exchange: new tags on every tenth old claim, a new text for every thirtieth old note. */
function editOldHalf(project: Project, docs: readonly Doc[]): void {
  const tags = project.tags.list();
  // Later than the exchange's times, as a real edit made afterwards would be.
  const later = new Date(Date.now() + 60_000).toISOString();
  project.write(() => {
    for (const doc of docs) {
      for (let i = 0; i < SHARE_CLAIMS_PER_DOC; i += 20) {
        const id = doc.claims[i]!;
        project.annotations.setTags(id, [tags[(i / 20) % tags.length]!.id, tags[(i / 20 + 1) % tags.length]!.id], later);
        if (i % 60 === 0) project.notes.save({ kind: 'annotation', id }, noteFromPlain(`Исправлено ${i}: ${doc.text.slice(i, i + 40)}`).json, 'Aliya', later);
      }
    }
  });
}

export interface SharePair {
  /** A's project: 10,000 claims. */
  a: string;
  /** B's project: the 5,000 claims A had at the last exchange, with the merge bases of that exchange. */
  b: string;
}

/**
 * Builds A and B in `dir`: A's even-indexed claims (the half B already has), the exchange (A's
 * file exported with bases recorded; B is that state, as an import of it would leave B), then on
 * A's side new tags on a tenth and new note texts on a thirtieth of the old claims, and the
 * odd-indexed half by a second analyst — so importing A's file into B brings 5,000 new claims,
 * about 500 updates and 5,000 unchanged.
 */
export function buildSharePair(dir: string): SharePair {
  const a = path.join(dir, 'share-a.crossread');
  const b = path.join(dir, 'share-b.crossread');
  const docs: Doc[] = [];
  let project = Project.create(a);
  try {
    for (let d = 0; d < SHARE_DOCS; d++) {
      const text = generateText(SHARE_DOC_LENGTH, 500 + d);
      docs.push({ id: addDocument(project, `Share ${d + 1}`, text), text, claims: [] });
    }
    writeHalf(project, docs, 0, 'Aliya');
    exportText(project, { recordBases: true });
  } finally {
    project.close();
  }
  fs.copyFileSync(a, b);
  project = Project.open(a);
  try {
    editOldHalf(project, docs);
    writeHalf(project, docs, 1, 'Dana');
  } finally {
    project.close();
  }
  return { a, b };
}

/**
 * A corrected copy of a long text, the way a colleague's copy differs: paragraphs separated by one
 * line break instead of two, every seventh sentence broken onto a new line, and one longer word in
 * thirty swapped for another word of the text (so a claim of a sentence or two usually carries an
 * edit). Deterministic for a given seed.
 */
export function correctedCopy(text: string, seed: number): string {
  const rand = seeded(seed);
  const words = [...new Set(text.match(/[\p{L}]{5,}/gu) ?? [])].sort();
  let sentence = 0;
  return text
    .replace(/\n\n/g, '\n')
    .replace(/([.!?]) (?=\p{Lu})/gu, (m, end: string) => (++sentence % 7 === 0 ? `${end}\n` : m))
    .replace(/[\p{L}]{5,}/gu, (w) => (rand() < 1 / 30 ? words[Math.floor(rand() * words.length)]! : w));
}

export interface ReanchorPair {
  /** The analyst's project: the 1,000,000-character report with 1,000 claims (tags, every third with a note). */
  source: string;
  /** The colleague's project: only the corrected copy of the report. */
  target: string;
}

export function buildReanchorPair(dir: string): ReanchorPair {
  const source = path.join(dir, 'reanchor-source.crossread');
  const target = path.join(dir, 'reanchor-target.crossread');
  const text = generateText(REANCHOR_LENGTH, 700);
  let project = Project.create(source);
  try {
    const documentId = addDocument(project, 'Long report', text);
    const tags = project.tags.list();
    project.write((now) => {
      spreadClaims(text, REANCHOR_CLAIMS, 701, tags.length).forEach((c, i) => {
        const claim = project.annotations.create({ documentId, start: c.start, end: c.end, tagIds: c.tags.map((t) => tags[t]!.id) }, 'Aliya', now);
        if (noted(i)) project.notes.save({ kind: 'annotation', id: claim.id }, noteFor(text, c.start, i), 'Aliya', now);
      });
    });
  } finally {
    project.close();
  }
  project = Project.create(target);
  try {
    addDocument(project, 'Long report (corrected)', correctedCopy(text, 702));
  } finally {
    project.close();
  }
  return { source, target };
}
