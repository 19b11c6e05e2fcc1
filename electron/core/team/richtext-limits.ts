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
import { NOTE_MAX_DEPTH } from '../notes/lexical';

/** Characters (text plus property values) a shared note may hold: a stored note is at most 512 KB of JSON. */
export const RICHTEXT_MAX_CHARS = 200_000;
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
  chars: number;
}

/** Checks the note rooted at `root`; returns why it is refused, or null when it is within bounds. */
export function checkSharedNote(root: Y.XmlText): AppError | null {
  const tally: Tally = { chars: 0 };
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
      tally.chars += item.length;
      if (tally.chars > RICHTEXT_MAX_CHARS) return tooLong();
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
      tally.chars += JSON.stringify(content.getContent()).length;
      if (tally.chars > RICHTEXT_MAX_CHARS) return tooLong();
    }
  }
  return null;
}

function countValues(values: Record<string, unknown>, tally: Tally): AppError | null {
  for (const [name, value] of Object.entries(values)) {
    // A shared type as a property would be a second document hidden inside the note.
    if (value instanceof Y.AbstractType) return refuse('it holds a property the note editor does not know');
    tally.chars += name.length + (typeof value === 'string' ? value.length : JSON.stringify(value ?? null).length);
  }
  return tally.chars > RICHTEXT_MAX_CHARS ? tooLong() : null;
}

const tooLong = () => refuse(`it is longer than ${RICHTEXT_MAX_CHARS.toLocaleString('en')} characters`);
