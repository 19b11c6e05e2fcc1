import type { ParagraphRange } from '../../shared/text';
import { paragraphIndexAt } from '../../shared/text';

/**
 * Maps document offsets (UTF-16 code units into the stored text) to DOM positions in a rendered
 * source pane and back. The pane renders paragraph i of `paragraphs` as the i-th child element of
 * the editor's root, holding exactly that slice of the text, so the mapping is arithmetic.
 */
export class OffsetMap {
  constructor(
    private readonly root: HTMLElement,
    readonly paragraphs: readonly ParagraphRange[],
  ) {}

  /** Text node per paragraph, found once: painting thousands of claims asks for them again and again. */
  private readonly nodes = new Map<number, Text>();

  private textNode(i: number): Text | null {
    const el = this.root.children[i];
    if (!el) return null;
    const known = this.nodes.get(i);
    // Lexical may re-create a paragraph (the read-only guard restores the text): then look again.
    if (known && known.isConnected && el.contains(known)) return known;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const node = walker.nextNode() as Text | null;
    if (node) this.nodes.set(i, node);
    return node;
  }

  /** The DOM point for a document offset, clamped into the paragraph holding it. */
  pointAt(offset: number): { node: Node; offset: number } | null {
    if (this.paragraphs.length === 0) return null;
    let i = paragraphIndexAt(this.paragraphs, offset);
    if (i < 0) i = 0;
    const p = this.paragraphs[i]!;
    const node = this.textNode(i);
    if (!node) return null;
    const local = Math.min(Math.max(offset - p.start, 0), p.end - p.start, node.length);
    return { node, offset: local };
  }

  /** A live DOM Range covering [start, end) of the document. */
  range(start: number, end: number): Range | null {
    const a = this.pointAt(start);
    const b = this.pointAt(end);
    if (!a || !b) return null;
    const r = document.createRange();
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset);
    return r;
  }

  /** The document offset of a DOM point inside (or at the edge of) this pane's text; null if outside. */
  offsetOf(node: Node, offset: number): number | null {
    if (!this.root.contains(node)) return null;
    if (node === this.root) {
      if (offset >= this.paragraphs.length) return this.paragraphs.at(-1)?.end ?? 0;
      return this.paragraphs[offset]?.start ?? 0;
    }
    let para: Node | null = node;
    while (para && para.parentNode !== this.root) para = para.parentNode;
    if (!para) return null;
    const index = Array.prototype.indexOf.call(this.root.children, para) as number;
    const p = this.paragraphs[index];
    if (!p) return null;
    const before = document.createRange();
    before.setStart(para, 0);
    before.setEnd(node, offset);
    return p.start + Math.min(before.toString().length, p.end - p.start);
  }

  /** Document offsets of the current selection if it lies (at least partly) in this pane. */
  selectionOffsets(sel: Selection | null): { start: number; end: number } | null {
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const r = sel.getRangeAt(0);
    const inside = (n: Node) => this.root.contains(n);
    if (!inside(r.startContainer) && !inside(r.endContainer)) return null;
    const start = inside(r.startContainer) ? this.offsetOf(r.startContainer, r.startOffset) : (this.paragraphs[0]?.start ?? 0);
    const end = inside(r.endContainer) ? this.offsetOf(r.endContainer, r.endOffset) : (this.paragraphs.at(-1)?.end ?? 0);
    if (start === null || end === null || end <= start) return null;
    return { start, end };
  }

  /**
   * The document offsets of the paragraphs crossing the band of the screen from `top` to `bottom`
   * (client coordinates); null when the pane has no laid-out paragraph. Paragraphs stack top to
   * bottom, so each edge is found by a binary search reading a few rectangles, not all of them.
   */
  spanBetween(top: number, bottom: number): { start: number; end: number } | null {
    const rows = this.root.children;
    const n = Math.min(rows.length, this.paragraphs.length);
    if (n === 0) return null;
    const first = lowestIndex(n, (i) => rows[i]!.getBoundingClientRect().bottom >= top);
    const after = lowestIndex(n, (i) => rows[i]!.getBoundingClientRect().top > bottom);
    const from = Math.min(first, n - 1);
    const to = Math.max(from, after - 1);
    return { start: this.paragraphs[from]!.start, end: this.paragraphs[to]!.end };
  }

  /** The document offset under a screen point, or null when the point is not over the text. */
  offsetAtPoint(x: number, y: number): number | null {
    const doc = document as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
    const pos = doc.caretPositionFromPoint?.(x, y);
    if (pos) return this.offsetOf(pos.offsetNode, pos.offset);
    const r = document.caretRangeFromPoint?.(x, y);
    return r ? this.offsetOf(r.startContainer, r.startOffset) : null;
  }
}

/** The lowest index in [0, n) for which `yes` holds, `yes` being false then true along the range; n if none. */
function lowestIndex(n: number, yes: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (yes(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
