/**
 * A project for the Export benchmark: exactly 100 documents and 10,000 claims made from the sample
 * corpus (its paragraphs repeated in a seeded order, with words swapped so the copies differ), with
 * tags, links across documents in every built-in relation, and rich notes. The same seed gives the
 * same project, so numbers from different runs and machines compare.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Project } from '../../electron/core/store/project';
import { seeded } from '../lib/stats';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const CORPUS = path.join(ROOT, 'resources', 'sample');
const FILES = ['kazpravda-2025-11-07-velizade.txt', 'caravan-2025-11-kazantsev.txt', 'zakon-2026-03-02-badamov.txt'];
const OUTLETS = ['Kazpravda', 'Caravan.kz', 'Zakon.kz', 'Tengrinews', 'Vlast.kz', 'Kursiv', 'Informburo', 'Orda.kz'];
const EXTRA_TAGS = ['Energy', 'Sanctions', 'Diplomacy', 'Media', 'Regional'];

export interface ExportFixtureSize {
  documents: number;
  claimsPerDocument: number;
  /** Every n-th claim is linked to a claim in the next document. */
  linkEvery: number;
  /** Every n-th claim carries a note. */
  noteEvery: number;
}

export const FULL_SIZE: ExportFixtureSize = { documents: 100, claimsPerDocument: 100, linkEvery: 4, noteEvery: 3 };

function corpusParagraphs(): { paragraphs: string[]; words: string[] } {
  const paragraphs: string[] = [];
  for (const f of FILES) {
    const text = fs.readFileSync(path.join(CORPUS, f), 'utf8').replace(/\r\n?/g, '\n').replace(/^\s*date \d{4}-\d{2}-\d{2}\s*/, '');
    for (const line of text.split('\n')) if (line.trim().length > 40) paragraphs.push(line.trim());
  }
  const words = [...new Set(paragraphs.join(' ').match(/\p{L}{5,}/gu) ?? [])].sort();
  return { paragraphs, words };
}

/** `count` paragraphs of the corpus in a seeded order, about one longer word in eight swapped. */
function documentParagraphs(count: number, rand: () => number, corpus: { paragraphs: string[]; words: string[] }): string[] {
  return Array.from({ length: count }, () => {
    const p = corpus.paragraphs[Math.floor(rand() * corpus.paragraphs.length)]!;
    return p.replace(/\p{L}{5,}/gu, (w) => (rand() < 0.125 ? corpus.words[Math.floor(rand() * corpus.words.length)]! : w));
  });
}

/** A Lexical note: a bold lead, a sentence and, every other time, a two-item list. */
function noteJson(n: number, sentence: string): string {
  const text = (t: string, format = 0) => ({ type: 'text', version: 1, text: t, format, style: '', mode: 'normal', detail: 0 });
  const para = (...children: unknown[]) => ({ type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, children });
  const list = {
    type: 'list',
    version: 1,
    listType: 'bullet',
    start: 1,
    tag: 'ul',
    children: [
      { type: 'listitem', version: 1, value: 1, children: [text('проверить по второму источнику')] },
      { type: 'listitem', version: 1, value: 2, children: [text(`see claim ${n + 1}`)] },
    ],
  };
  const children = [para(text(`Note ${n}: `, 1), text(sentence)), ...(n % 2 === 0 ? [list] : [])];
  return JSON.stringify({ root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children } });
}

export interface ExportFixture {
  file: string;
  documents: number;
  claims: number;
  links: number;
  notes: number;
}

/**
 * Writes the project to `<dir>/export-bench.crossread` through the core store (the code the app
 * runs). Setup is not what is measured; each document and its claims go in one transaction.
 */
export function buildExportProject(dir: string, size: ExportFixtureSize = FULL_SIZE, seed = 6): ExportFixture {
  const file = path.join(dir, 'export-bench.crossread');
  const corpus = corpusParagraphs();
  const rand = seeded(seed);
  const project = Project.create(file);
  try {
    const tags = project.write((now) => {
      for (const name of EXTRA_TAGS) project.tags.create(name, undefined, now);
      return project.tags.list();
    });
    const relations = project.relations.list();
    const docClaims: string[][] = [];
    let links = 0;
    let notes = 0;
    let n = 0;
    for (let d = 0; d < size.documents; d++) {
      // Two paragraphs per claim keep claims apart, as in real reading.
      const paragraphs = documentParagraphs(size.claimsPerDocument * 2, rand, corpus);
      const text = paragraphs.join('\n\n');
      const day = String(1 + (d % 28)).padStart(2, '0');
      const month = String(1 + (Math.floor(d / 28) % 12)).padStart(2, '0');
      const ids = project.write((now) => {
        const meta = project.documents.insert(
          {
            text,
            title: `${paragraphs[0]!.slice(0, 60).trim()} (${d + 1})`,
            outlet: OUTLETS[d % OUTLETS.length]!,
            author: `Эксперт ${d + 1}`,
            date: d % 10 === 9 ? null : `2025-${month}-${day}`,
            language: 'ru',
            format: 'txt',
            encoding: 'utf-8',
          },
          `source-${d + 1}.txt`,
          now,
        );
        const out: string[] = [];
        let offset = 0;
        for (let p = 0; p < paragraphs.length; p++) {
          const para = paragraphs[p]!;
          if (p % 2 === 0) {
            // A sentence-sized piece of the paragraph: 40–240 characters from a seeded start.
            const len = Math.min(para.length, 40 + Math.floor(rand() * 200));
            const start = offset + Math.floor(rand() * (para.length - len + 1));
            const k = n++;
            const tagIds = k % 11 === 10 ? [] : k % 4 === 3 ? [tags[k % tags.length]!.id, tags[(k + 3) % tags.length]!.id] : [tags[k % tags.length]!.id];
            const a = project.annotations.create({ documentId: meta.id, start, end: start + len, tagIds }, 'Bench', now);
            if (k % size.noteEvery === 0) {
              project.notes.save({ kind: 'annotation', id: a.id }, noteJson(k, para.slice(0, 120)), 'Bench', now);
              notes++;
            }
            out.push(a.id);
          }
          offset += para.length + 2;
        }
        return out;
      });
      docClaims.push(ids);
    }
    // Links from every linkEvery-th claim to one in the next document, cycling through the relations.
    project.write((now) => {
      for (let d = 0; d < docClaims.length; d++) {
        const here = docClaims[d]!;
        const there = docClaims[(d + 1) % docClaims.length]!;
        if (there === here) continue;
        for (let i = 0; i < here.length; i += size.linkEvery) {
          const relation = relations[(i / size.linkEvery + d) % relations.length]!;
          project.links.create({ fromId: here[i]!, toId: there[(i + d) % there.length]!, relationId: relation.id }, 'Bench', now);
          links++;
        }
      }
    });
    return { file, documents: size.documents, claims: n, links, notes };
  } finally {
    project.close();
  }
}
