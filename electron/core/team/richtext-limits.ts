/**
 * Limits on a note as it arrives from colleagues through the shared Yjs document. A remote update
 * is applied to the Y.Doc by the provider before anyone can look at it, so the note is measured
 * after that and before its content reaches the headless editor (or the project file): a note over
 * a limit is refused there, the editor and the project keep the last state that passed.
 *
 * The shapes follow @lexical/yjs's first binding: an element is a Y.XmlText embedded in its
 * parent's Y.XmlText (its Lexical properties as attributes), a text node is a Y.Map of properties
 * embedded before its characters, a line break or tab a Y.Map of its own.
 */
import * as Y from 'yjs';
import { AppError } from '../errors';
import { NOTE_MAX_BYTES, NOTE_MAX_DEPTH } from '../notes/lexical';

/**
 * UTF-8 bytes of text, property names and values a shared note may hold. A note saved here is at
 * most NOTE_MAX_BYTES of JSON, which holds all of these and more (quotes, braces), so every note
 * this desktop can save passes on the colleague's side too.
 */
export const RICHTEXT_MAX_BYTES = NOTE_MAX_BYTES;
/**
 * Elements nested inside one another (root › list › item › list …). A stored note's JSON nests at
 * most NOTE_MAX_DEPTH levels and every element costs two (its object and its children array).
 */
export const RICHTEXT_MAX_DEPTH = Math.floor(NOTE_MAX_DEPTH / 2) - 1;

/** Element and leaf types the note editor registers (shared/richtext.ts's list, split by shape). */
const ELEMENT_TYPES = new Set(['paragraph', 'list', 'listitem', 'link']);
const LEAF_TYPES = new Set(['text', 'linebreak', 'tab']);

const refuse = (why: string) => new AppError('bad-input', `A colleague's change to this note was refused: ${why}. The note keeps its last accepted text.`);

interface Tally {
  bytes: number;
}

/** Checks the note rooted at `root`; returns why it is refused, or null when it is within bounds. */
export function checkSharedNote(root: Y.XmlText): AppError | null {
  const tally: Tally = { bytes: 0 };
  return walk(root, 1, tally, true);
}

function walk(element: Y.XmlText, depth: number, tally: Tally, isRoot: boolean): AppError | null {
  if (depth > RICHTEXT_MAX_DEPTH) return refuse(`it nests more than ${RICHTEXT_MAX_DEPTH} levels deep`);
  const attributes = element.getAttributes() as Record<string, unknown>;
  if (!isRoot && !ELEMENT_TYPES.has(String(attributes.__type))) return refuse('it holds an element the note editor does not know');
  const attributeProblem = countValues(attributes, tally);
  if (attributeProblem) return attributeProblem;
  // The item list is walked directly: building a delta would copy the whole note on every change.
  for (let item = element._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    const content = item.content;
    if (content instanceof Y.ContentString) {
      tally.bytes += Buffer.byteLength(content.str, 'utf8');
      if (tally.bytes > RICHTEXT_MAX_BYTES) return tooLong();
    } else if (content instanceof Y.ContentType) {
      const type = content.type;
      if (type instanceof Y.XmlText) {
        const problem = walk(type, depth + 1, tally, false);
        if (problem) return problem;
      } else if (type instanceof Y.Map) {
        const properties = Object.fromEntries(type.entries()) as Record<string, unknown>;
        if (!LEAF_TYPES.has(String(properties.__type))) return refuse('it holds a node the note editor does not know');
        const problem = countValues(properties, tally);
        if (problem) return problem;
      } else {
        return refuse('it holds an embedded object the note editor does not know');
      }
    } else {
      // Formatting marks and plain embeds are not written by the binding; their values still count.
      tally.bytes += Buffer.byteLength(JSON.stringify(content.getContent()), 'utf8');
      if (tally.bytes > RICHTEXT_MAX_BYTES) return tooLong();
    }
  }
  return null;
}

function countValues(values: Record<string, unknown>, tally: Tally): AppError | null {
  for (const [name, value] of Object.entries(values)) {
    // A shared type as a property would be a second document hidden inside the note.
    if (value instanceof Y.AbstractType) return refuse('it holds a property the note editor does not know');
    tally.bytes += Buffer.byteLength(name, 'utf8') + Buffer.byteLength(typeof value === 'string' ? value : JSON.stringify(value ?? null), 'utf8');
  }
  return tally.bytes > RICHTEXT_MAX_BYTES ? tooLong() : null;
}

const tooLong = () => refuse(`it is larger than ${RICHTEXT_MAX_BYTES / 1024} KB`);
