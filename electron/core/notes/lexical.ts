/**
 * Checks a serialized Lexical editor state sent as a note and derives its plain text. The JSON
 * comes from the renderer, or one day from a colleague's file, so it is parsed with limits and only
 * read, never executed or rendered: it is stored as given (never as HTML) once it passes.
 */
import { EDITOR_NODE_TYPES } from '../../../shared/richtext';
import { AppError } from '../errors';

export const NOTE_MAX_BYTES = 512 * 1024;
export const NOTE_MAX_DEPTH = 64;

/** Element nodes that flow inside a line; every other element with children is a block of its own. */
const INLINE_ELEMENTS = new Set(['link']);

interface LexicalNode {
  type: string;
  text?: unknown;
  children?: unknown;
}

const bad = (why: string) => new AppError('bad-input', `The note could not be saved: ${why}.`);

/** Validates `json` as a Lexical editor state and returns its plain text. Throws bad-input otherwise. */
export function noteText(json: string): string {
  // A UTF-16 code unit is at most 3 bytes of UTF-8, so short notes need no byte count (it showed in
  // profiles of an import saving thousands of notes).
  if (json.length * 3 > NOTE_MAX_BYTES && Buffer.byteLength(json, 'utf8') > NOTE_MAX_BYTES) throw bad('it is larger than 512 KB');
  // Measured before parsing, so a hostile nesting never reaches the parser or the walk below.
  if (nestingDepth(json) > NOTE_MAX_DEPTH) throw bad(`it is nested more than ${NOTE_MAX_DEPTH} levels deep`);
  let state: unknown;
  try {
    state = JSON.parse(json);
  } catch {
    throw bad('it is not valid JSON');
  }
  if (!isObject(state) || !Object.hasOwn(state, 'root')) throw bad('it is not an editor state (no root)');
  const root = state.root;
  if (!isNode(root) || root.type !== 'root') throw bad('its root is not a Lexical root node');
  return textOf(root).replace(/\n+$/, '');
}

/** The deepest nesting of objects and arrays in a JSON text (strings skipped), without parsing it. */
export function nestingDepth(json: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x22) {
      // Jump to the closing quote: strings are most of a shared file (quotes, notes), and indexOf
      // scans natively, faster than this loop going through them a character at a time.
      let end = json.indexOf('"', i + 1);
      while (end !== -1 && escaped(json, i, end)) end = json.indexOf('"', end + 1);
      if (end === -1) break; // an unterminated string: JSON.parse reports it
      i = end;
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) max = depth;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return max;
}

/** Whether the quote at `at` (inside the string opened at `open`) follows an odd run of backslashes. */
function escaped(json: string, open: number, at: number): boolean {
  let n = 0;
  for (let k = at - 1; k > open && json.charCodeAt(k) === 0x5c; k--) n++;
  return n % 2 === 1;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isNode(v: unknown): v is LexicalNode {
  return isObject(v) && typeof v.type === 'string';
}

function childrenOf(node: LexicalNode): LexicalNode[] {
  if (!Object.hasOwn(node, 'children')) return [];
  const children = node.children;
  if (!Array.isArray(children)) throw bad(`a “${node.type.slice(0, 40)}” node has children that are not a list`);
  for (const child of children) {
    if (!isNode(child)) throw bad('it holds something that is not a Lexical node');
  }
  return children as LexicalNode[];
}

function isBlock(node: LexicalNode): boolean {
  return Object.hasOwn(node, 'children') && !INLINE_ELEMENTS.has(node.type);
}

/**
 * Plain text the way a reader sees it: text nodes' text, line breaks and tabs, and one '\n'
 * between blocks (paragraphs, headings, quotes, list items, table cells…). Inline elements such
 * as links contribute their children's text.
 */
function textOf(node: LexicalNode): string {
  if (!EDITOR_NODE_TYPES.has(node.type)) throw bad(`a “${node.type.slice(0, 40)}” node is not one the editor knows`);
  if (node.type === 'linebreak') return '\n';
  if (node.type === 'tab') return '\t';
  if (Object.hasOwn(node, 'text') && !Object.hasOwn(node, 'children')) {
    if (typeof node.text !== 'string') throw bad(`a “${node.type.slice(0, 40)}” node has text that is not a string`);
    return node.text;
  }
  let out = '';
  let previousWasBlock = false;
  childrenOf(node).forEach((child, i) => {
    const block = isBlock(child);
    if (i > 0 && (block || previousWasBlock)) out += '\n';
    out += textOf(child);
    previousWasBlock = block;
  });
  return out;
}
