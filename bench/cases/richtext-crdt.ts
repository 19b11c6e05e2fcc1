import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { RichTextRegistry } from '../../electron/core/team/richtext-crdt';
import { CORPUS as CORPUS_DIR } from '../lib/corpus';
import type { BenchCase, BenchContext, Row } from '../types';

/** The size of the note: a long memo or dossier summary. */
const NOTE_CHARS = 20_000;
/** Keystrokes saved per run (the note editor saves each pause in typing; a save per key is the worst case). */
const KEYSTROKES = 200;

/** Paragraphs of the corpus, repeated until the note holds NOTE_CHARS characters. */
function noteParagraphs(): string[] {
  const lines = fs
    .readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => fs.readFileSync(path.join(CORPUS_DIR, f), 'utf8').split(/\r?\n/))
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const out: string[] = [];
  let total = 0;
  for (let i = 0; total < NOTE_CHARS; i++) {
    const line = lines[i % lines.length]!;
    out.push(line);
    total += line.length;
  }
  return out;
}

const paragraph = (text: string) => ({
  children: [{ detail: 0, format: 0, mode: 'normal', style: '', text, type: 'text', version: 1 }],
  direction: 'ltr',
  format: '',
  indent: 0,
  type: 'paragraph',
  version: 1,
  textFormat: 0,
  textStyle: '',
});

const state = (paragraphs: readonly string[]) =>
  JSON.stringify({ root: { children: paragraphs.map(paragraph), direction: 'ltr', format: '', indent: 0, type: 'root', version: 1 } });

/** Two docs relaying updates, as a server would, so the timing includes the colleague's side. */
function pair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'relay' && Y.applyUpdate(b, u, 'relay'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'relay' && Y.applyUpdate(a, u, 'relay'));
  return [a, b];
}

/** Per keystroke: the saved editor state applied through the replica, and the colleague's replica updated. */
function throughReplica(paragraphs: string[]): number[] {
  const [a, b] = pair();
  const mine = new RichTextRegistry(a).replica('summary');
  const theirs = new RichTextRegistry(b).replica('summary');
  mine.applyLocal(state(paragraphs));
  const middle = Math.floor(paragraphs.length / 2);
  const typedText = [...paragraphs];
  const samples: number[] = [];
  for (let k = 0; k < KEYSTROKES; k++) {
    typedText[middle] = typedText[middle]!.slice(0, 10 + k) + 'x' + typedText[middle]!.slice(10 + k);
    const json = state(typedText);
    const t0 = performance.now();
    mine.applyLocal(json);
    samples.push(performance.now() - t0);
  }
  if (theirs.text() !== mine.text()) throw new Error('the replicas diverged');
  mine.destroy();
  theirs.destroy();
  return samples;
}

/** The baseline: the same keystroke as one Y.Text insert into the note's plain text, relayed the same way. */
function yTextInsert(paragraphs: string[]): number[] {
  const [a, b] = pair();
  const text = a.getText('note');
  text.insert(0, paragraphs.join('\n'));
  const offset = paragraphs.slice(0, Math.floor(paragraphs.length / 2)).join('\n').length + 1;
  const samples: number[] = [];
  for (let k = 0; k < KEYSTROKES; k++) {
    const t0 = performance.now();
    text.insert(offset + 10 + k, 'x');
    samples.push(performance.now() - t0);
  }
  if (b.getText('note').length !== text.length) throw new Error('the docs diverged');
  return samples;
}

export const richTextCrdtCase: BenchCase = {
  id: 'richtext-crdt',
  title: 'Shared notes: a keystroke save of a 20 KB note through the Lexical/Yjs replica',
  async run(ctx: BenchContext): Promise<Row[]> {
    const paragraphs = noteParagraphs();
    const samples: number[] = [];
    const baseline: number[] = [];
    const rounds = ctx.quick ? 1 : Math.max(1, Math.floor(ctx.runs / 2));
    for (let r = 0; r < rounds; r++) {
      samples.push(...throughReplica(paragraphs));
      baseline.push(...yTextInsert(paragraphs));
    }
    ctx.log(`richtext-crdt: ${paragraphs.length} paragraphs, ${paragraphs.join('').length} characters, ${samples.length} saves`);
    return [
      {
        caseId: 'richtext-crdt',
        metric: 'keystroke save of a 20 KB note',
        unit: 'ms',
        samples,
        baseline,
        budget: { kind: 'max', on: 'median', limit: 5 },
        note: "validate, match against the live tree, write the diff to Yjs, apply it on the colleague's replica; baseline: one Y.Text insert relayed the same way",
      },
    ];
  },
};
