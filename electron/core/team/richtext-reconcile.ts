/**
 * Brings a live Lexical tree to a saved editor state while keeping every node that survived.
 *
 * The renderer saves a note as a whole editor state. Setting that state on the collaborating
 * editor would give every node a new key, and @lexical/yjs diffs by key: the whole note would be
 * deleted and written again, so a colleague's concurrent typing anywhere in it would be lost. Here
 * the saved state is matched against the live tree instead: unchanged nodes are left alone, a
 * changed node keeps its key and only its properties or text are set (the binding turns a text
 * change into one splice of the characters that differ), and only nodes that are really new are
 * created.
 *
 * The match is three-way. `base` is the state the user's editor started from, `next` what it
 * saved, `live` the tree now (with colleagues' changes the user may not have seen yet). Only what
 * the user changed between base and next is applied to live; when base is live, that is every
 * difference.
 */
import { $getRoot, $isElementNode, $isTextNode, $parseSerializedNode, type ElementNode, type LexicalNode, type SerializedLexicalNode } from 'lexical';

export interface JsonNode {
  type: string;
  text?: string;
  children?: JsonNode[];
  [property: string]: unknown;
}

/** Above this many inserted or removed siblings, matching by position is good enough. */
const MAX_SHIFT_TRIED = 8;

/** Applies the user's change from `base` to `next` (editor states' roots) over the live root, whose serialized form is `live`. Call inside an update. */
export function $reconcileRoot(base: JsonNode, next: JsonNode, live: JsonNode): void {
  $mergeNode($getRoot(), base, next, live);
}

function $mergeNode(node: LexicalNode, base: JsonNode, next: JsonNode, live: JsonNode): void {
  if (deepEqual(base, next)) return;
  const changed: Record<string, unknown> = {};
  let anyChanged = false;
  for (const key of new Set([...Object.keys(base), ...Object.keys(next)])) {
    if (key === 'children' || key === 'text' || deepEqual(base[key], next[key])) continue;
    changed[key] = next[key];
    anyChanged = true;
  }
  if (anyChanged) node.updateFromJSON({ ...live, ...changed } as never);
  if ($isTextNode(node) && typeof next.text === 'string') {
    const merged = mergeText(base.text ?? '', next.text, node.getTextContent());
    if (merged !== node.getTextContent()) node.setTextContent(merged);
  }
  if ($isElementNode(node)) $mergeChildren(node, base.children ?? [], next.children ?? [], live.children ?? []);
}

function $mergeChildren(parent: ElementNode, base: JsonNode[], next: JsonNode[], live: JsonNode[]): void {
  const liveNodes = parent.getChildren();
  const nextToBase = align(base, next);
  const baseToLive = align(live, base);

  const keptBase = new Set<number>();
  let anchor: LexicalNode | null = null;
  for (let j = 0; j < next.length; j++) {
    const i = nextToBase[j];
    if (i !== undefined) keptBase.add(i);
    const k = i === undefined ? undefined : baseToLive[i];
    if (i !== undefined && k !== undefined) {
      $mergeNode(liveNodes[k]!, base[i]!, next[j]!, live[k]!);
      anchor = liveNodes[k]!;
      continue;
    }
    // A node the colleague removed while the user left it alone stays removed.
    if (i !== undefined && deepEqual(base[i], next[j])) continue;
    // New here, or edited here while removed there: the user's text is kept.
    const node = $parseSerializedNode(next[j] as unknown as SerializedLexicalNode);
    if (anchor) anchor.insertAfter(node);
    else if (parent.getFirstChild()) parent.getFirstChild()!.insertBefore(node);
    else parent.append(node);
    anchor = node;
  }
  base.forEach((removed, i) => {
    if (keptBase.has(i)) return;
    const k = baseToLive[i];
    // Removed by the user: gone, unless a colleague changed it meanwhile (then their text stays).
    if (k !== undefined && sameContent(live[k], removed)) liveNodes[k]!.remove();
  });
}

/**
 * Three-way merge of one text node's text: the user's change from base to next, applied to the
 * live text, which may carry a colleague's change. Both changes are single splices (a save is a
 * pause in typing); where they overlap, the user's version of the overlapping stretch wins.
 */
export function mergeText(base: string, next: string, live: string): string {
  if (base === next) return live;
  if (live === base) return next;
  const mine = spliceOf(base, next);
  const theirs = spliceOf(base, live);
  const theirShift = theirs.insert.length - theirs.remove;
  if (mine.index + mine.remove <= theirs.index) {
    return live.slice(0, mine.index) + mine.insert + live.slice(mine.index + mine.remove);
  }
  if (mine.index >= theirs.index + theirs.remove) {
    const at = mine.index + theirShift;
    return live.slice(0, at) + mine.insert + live.slice(at + mine.remove);
  }
  const start = Math.min(mine.index, theirs.index);
  const end = Math.max(mine.index + mine.remove, theirs.index + theirs.remove);
  return live.slice(0, start) + next.slice(start, end + mine.insert.length - mine.remove) + live.slice(end + theirShift);
}

/** The one splice that turns `a` into `b`: common start and end kept, the middle replaced. */
function spliceOf(a: string, b: string): { index: number; remove: number; insert: string } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return { index: start, remove: a.length - start - end, insert: b.slice(start, b.length - end) };
}

/**
 * For each node of `to`, the index of the node of `from` it continues, or undefined for a new one.
 * Equal runs at both ends pair first; the nodes between pair by position, shifted (when a
 * paragraph was split by Enter or an item deleted) by the offset whose pairs share the most text,
 * so an edited paragraph stays paired with itself. Pairs keep their order on both sides.
 */
function align(from: readonly JsonNode[], to: readonly JsonNode[]): (number | undefined)[] {
  const out: (number | undefined)[] = new Array<number | undefined>(to.length).fill(undefined);
  let head = 0;
  while (head < from.length && head < to.length && deepEqual(from[head], to[head])) {
    out[head] = head;
    head++;
  }
  let tail = 0;
  while (tail < from.length - head && tail < to.length - head && deepEqual(from[from.length - 1 - tail], to[to.length - 1 - tail])) {
    out[to.length - 1 - tail] = from.length - 1 - tail;
    tail++;
  }
  const oldMiddle = from.slice(head, from.length - tail);
  const newMiddle = to.slice(head, to.length - tail);
  const shortLength = Math.min(oldMiddle.length, newMiddle.length);
  const spread = Math.abs(oldMiddle.length - newMiddle.length);
  const pairAt = (i: number, shift: number): [number, number] => (oldMiddle.length < newMiddle.length ? [i, i + shift] : [i + shift, i]);
  let bestShift = 0;
  if (spread > 0 && spread <= MAX_SHIFT_TRIED && shortLength > 0) {
    let bestScore = -Infinity;
    for (let shift = 0; shift <= spread; shift++) {
      let score = 0;
      for (let i = 0; i < shortLength; i++) {
        const [o, n] = pairAt(i, shift);
        score += similarity(oldMiddle[o]!, newMiddle[n]!);
      }
      if (score > bestScore) [bestScore, bestShift] = [score, shift];
    }
  }
  for (let i = 0; i < shortLength; i++) {
    const [o, n] = pairAt(i, bestShift);
    if (oldMiddle[o]!.type === newMiddle[n]!.type) out[head + n] = head + o;
  }
  return out;
}

/**
 * How alike two nodes' texts are: the characters they share at their start, then (as a fraction,
 * only to break ties) at their end; -1 for different types. The start weighs most because Lexical
 * splits a paragraph by keeping its first half in the original node.
 */
function similarity(a: JsonNode, b: JsonNode): number {
  if (a.type !== b.type) return -1;
  const x = plainText(a);
  const y = plainText(b);
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let end = 0;
  while (end < x.length - start && end < y.length - start && x[x.length - 1 - end] === y[y.length - 1 - end]) end++;
  return start + end / (1 + x.length + y.length);
}

function plainText(node: JsonNode): string {
  if (typeof node.text === 'string') return node.text;
  return (node.children ?? []).map(plainText).join('');
}

/** Structural equality of JSON values, indifferent to the order of object keys. */
/**
 * Whether the live node still holds what the user removed. The live tree is exported by the
 * headless editor with every property; a saved state may leave defaults out, so a property only
 * one side names is not a difference (text, type and children always count).
 */
function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => sameContent(v, b[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) {
    const both = Object.hasOwn(x, k) && Object.hasOwn(y, k);
    if (!both && k !== 'text' && k !== 'type' && k !== 'children') continue;
    if (!sameContent(x[k], y[k])) return false;
  }
  return true;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((v, i) => deepEqual(v, other[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  return keys.every((k) => Object.hasOwn(y, k) && deepEqual(x[k], y[k]));
}
