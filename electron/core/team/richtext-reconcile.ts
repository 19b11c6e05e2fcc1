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
 */
import { $getRoot, $isElementNode, $parseSerializedNode, type ElementNode, type LexicalNode, type SerializedLexicalNode } from 'lexical';

export interface JsonNode {
  type: string;
  children?: JsonNode[];
  [property: string]: unknown;
}

/** Above this many inserted or removed siblings, matching by position is good enough. */
const MAX_SHIFT_TRIED = 8;

/** Applies `next` (a parsed editor state's root) over the live root, whose serialized form is `prev`. Call inside an update. */
export function $reconcileRoot(prev: JsonNode, next: JsonNode): void {
  const root = $getRoot();
  if (!sameProperties(prev, next)) root.updateFromJSON(next as never);
  $reconcileChildren(root, prev.children ?? [], next.children ?? []);
}

function $reconcileChildren(parent: ElementNode, prev: JsonNode[], next: JsonNode[]): void {
  const live = parent.getChildren();
  let head = 0;
  while (head < prev.length && head < next.length && deepEqual(prev[head], next[head])) head++;
  let tail = 0;
  while (tail < prev.length - head && tail < next.length - head && deepEqual(prev[prev.length - 1 - tail], next[next.length - 1 - tail])) tail++;

  const oldMiddle = prev.slice(head, prev.length - tail);
  const newMiddle = next.slice(head, next.length - tail);
  const liveMiddle = live.slice(head, live.length - tail);
  const pairs = alignMiddle(oldMiddle, newMiddle);

  // Walk the new middle in order, keeping an anchor so new nodes land in the right place.
  let anchor: LexicalNode | null = head > 0 ? live[head - 1]! : null;
  const kept = new Set<number>();
  for (let n = 0; n < newMiddle.length; n++) {
    const o = pairs.get(n);
    let node: LexicalNode;
    if (o !== undefined) {
      node = liveMiddle[o]!;
      kept.add(o);
      $reconcileNode(node, oldMiddle[o]!, newMiddle[n]!);
    } else {
      node = $parseSerializedNode(newMiddle[n] as unknown as SerializedLexicalNode);
      if (anchor) anchor.insertAfter(node);
      else if (parent.getFirstChild()) parent.getFirstChild()!.insertBefore(node);
      else parent.append(node);
    }
    anchor = node;
  }
  liveMiddle.forEach((node, o) => {
    if (!kept.has(o)) node.remove();
  });
}

function $reconcileNode(node: LexicalNode, prev: JsonNode, next: JsonNode): void {
  if (!sameProperties(prev, next)) node.updateFromJSON(next as never);
  if ($isElementNode(node)) $reconcileChildren(node, prev.children ?? [], next.children ?? []);
}

/**
 * Pairs old and new middle nodes of the same type. When the counts differ (a paragraph split by
 * Enter, a list item deleted), the new nodes are shifted against the old ones by the offset whose
 * pairs share the most text, so an edited paragraph stays paired with itself.
 */
function alignMiddle(oldMiddle: JsonNode[], newMiddle: JsonNode[]): Map<number, number> {
  const shortLength = Math.min(oldMiddle.length, newMiddle.length);
  const spread = Math.abs(oldMiddle.length - newMiddle.length);
  let bestShift = 0;
  if (spread > 0 && spread <= MAX_SHIFT_TRIED && shortLength > 0) {
    let bestScore = -1;
    for (let shift = 0; shift <= spread; shift++) {
      let score = 0;
      for (let i = 0; i < shortLength; i++) {
        const [o, n] = oldMiddle.length < newMiddle.length ? [i, i + shift] : [i + shift, i];
        score += similarity(oldMiddle[o]!, newMiddle[n]!);
      }
      if (score > bestScore) [bestScore, bestShift] = [score, shift];
    }
  }
  const pairs = new Map<number, number>();
  for (let i = 0; i < shortLength; i++) {
    const [o, n] = oldMiddle.length < newMiddle.length ? [i, i + bestShift] : [i + bestShift, i];
    if (oldMiddle[o]!.type === newMiddle[n]!.type) pairs.set(n, o);
  }
  return pairs;
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

/** Whether two nodes have the same properties, children aside. */
function sameProperties(a: JsonNode, b: JsonNode): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (key !== 'children' && !deepEqual(a[key], b[key])) return false;
  }
  return true;
}

/** Structural equality of JSON values, indifferent to the order of object keys. */
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
