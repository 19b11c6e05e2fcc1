/** Lexical editor states built the way the note editor saves them, and two Y.Docs wired together. */
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { CORPUS_DIR } from '../../support/corpus';

export interface Run {
  text: string;
  /** Lexical's format bits: 1 bold, 2 italic. */
  format?: number;
}

const textNode = (run: Run) => ({ detail: 0, format: run.format ?? 0, mode: 'normal', style: '', text: run.text, type: 'text', version: 1 });

export const paragraph = (...runs: (Run | string)[]) => ({
  children: runs.map((r) => textNode(typeof r === 'string' ? { text: r } : r)),
  direction: 'ltr',
  format: '',
  indent: 0,
  type: 'paragraph',
  version: 1,
  textFormat: 0,
  textStyle: '',
});

export const bulletList = (...items: string[]) => ({
  children: items.map((text, i) => ({ children: [textNode({ text })], direction: 'ltr', format: '', indent: 0, type: 'listitem', version: 1, value: i + 1 })),
  direction: 'ltr',
  format: '',
  indent: 0,
  type: 'list',
  version: 1,
  listType: 'bullet',
  start: 1,
  tag: 'ul',
});

export const editorState = (...blocks: object[]) =>
  JSON.stringify({ root: { children: blocks, direction: 'ltr', format: '', indent: 0, type: 'root', version: 1 } });

interface Node {
  type: string;
  text?: string;
  children?: Node[];
}

/** The state after a user typed `insert` at `offset` of the first text run of top-level block `block`. */
export function typed(json: string, block: number, offset: number, insert: string): string {
  const state = JSON.parse(json) as { root: Node };
  const run = firstText(state.root.children![block]!);
  run.text = run.text!.slice(0, offset) + insert + run.text!.slice(offset);
  return JSON.stringify(state);
}

function firstText(node: Node): Node {
  if (typeof node.text === 'string') return node;
  for (const child of node.children ?? []) {
    const found = firstText(child);
    if (found) return found;
  }
  throw new Error('no text in block');
}

/** The plain text of each top-level block of a saved state. */
export function blockTexts(json: string): string[] {
  const text = (n: Node): string => n.text ?? (n.children ?? []).map(text).join('');
  return (JSON.parse(json) as { root: Node }).root.children!.map(text);
}

/** Paragraphs of a corpus interview, as notes quote them. */
export function corpusParagraphs(file: string, count: number): string[] {
  return fs
    .readFileSync(path.join(CORPUS_DIR, file), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 40)
    .slice(1, count + 1);
}

/**
 * Two docs that exchange every update, as the server would relay them; `offline()` holds one side's
 * updates (both ways) until `online()` delivers them.
 */
export function connectedDocs() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  let connected = true;
  const held: [Y.Doc, Uint8Array][] = [];
  const relay = (to: Y.Doc) => (update: Uint8Array, origin: unknown) => {
    if (origin === 'relay') return;
    if (connected) Y.applyUpdate(to, update, 'relay');
    else held.push([to, update]);
  };
  a.on('update', relay(b));
  b.on('update', relay(a));
  return {
    a,
    b,
    offline() {
      connected = false;
    },
    online() {
      connected = true;
      for (const [to, update] of held.splice(0)) Y.applyUpdate(to, update, 'relay');
    },
  };
}
