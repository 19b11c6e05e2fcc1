/**
 * Rich text of notes and the dossier summary, as a small neutral model that every output format
 * (dossier HTML, Markdown, DOCX, shared annotation files) renders from. Notes are stored as
 * Lexical editor state; this module reads that JSON — never trusting it — into blocks and inlines,
 * and renders them to HTML in which nothing can run or load: all text is escaped, only a closed
 * set of tags is written, and link targets are limited to http(s) and mailto.
 */

export interface RichTextRun {
  kind: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  code?: boolean;
}

export interface RichLink {
  kind: 'link';
  /** A safe target, or null when the note's URL was not one (the text is kept, the link dropped). */
  href: string | null;
  children: RichTextRun[];
}

export interface RichBreak {
  kind: 'break';
}

export type RichInline = RichTextRun | RichLink | RichBreak;

export interface RichListItem {
  inlines: RichInline[];
  /** Lists nested under this item. */
  children: RichBlock[];
}

export type RichBlock =
  | { kind: 'paragraph'; inlines: RichInline[] }
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; inlines: RichInline[] }
  | { kind: 'quote'; inlines: RichInline[] }
  | { kind: 'list'; ordered: boolean; items: RichListItem[] };

/** Lexical's text format bit flags (TextNode.__format). */
const FORMAT = { bold: 1, italic: 2, strike: 4, underline: 8, code: 16 } as const;

/** Deeper structures are cut off rather than walked: a hostile note cannot exhaust the stack. */
const MAX_DEPTH = 48;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function childrenOf(node: Json): Json[] {
  return Array.isArray(node.children) ? node.children.filter(isObject) : [];
}

/**
 * The node types the note and summary editor knows (renderer/notes/RichTextField.tsx: Lexical's
 * own plus ListNode, ListItemNode and LinkNode). A stored state with any other node would show
 * empty in the editor while export still printed it, so notes and summaries are checked against
 * this one list before they are stored.
 */
export const EDITOR_NODE_TYPES: ReadonlySet<string> = new Set(['root', 'paragraph', 'text', 'linebreak', 'tab', 'list', 'listitem', 'link']);

/** A URL a reader may follow: http, https or mailto, with no control characters or spaces. */
export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string' || url.length > 2048) return null;
  const trimmed = url.trim();
  // Browsers ignore tabs, newlines and other controls inside a scheme ("java\tscript:"): refuse them.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(trimmed)) return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https' && scheme !== 'mailto') return null;
  return trimmed;
}

/**
 * Reads a Lexical editor state (as JSON text or already parsed) into blocks. Unknown node types
 * contribute their text; anything malformed is skipped, never thrown on, because a stored note was
 * validated when saved and a colleague's file is validated on import — this is the last line.
 */
export function richTextFromLexical(state: unknown): RichBlock[] {
  let parsed = state;
  if (typeof state === 'string') {
    try {
      parsed = JSON.parse(state);
    } catch {
      return [];
    }
  }
  if (!isObject(parsed) || !isObject(parsed.root)) return [];
  return blocksOf(parsed.root, 0);
}

function blocksOf(parent: Json, depth: number): RichBlock[] {
  if (depth > MAX_DEPTH) return [];
  const out: RichBlock[] = [];
  for (const node of childrenOf(parent)) {
    const block = blockOf(node, depth + 1);
    if (block) out.push(block);
  }
  return out;
}

function blockOf(node: Json, depth: number): RichBlock | null {
  switch (node.type) {
    case 'heading': {
      const level = Number(/^h([1-6])$/.exec(String(node.tag))?.[1] ?? 2) as 1 | 2 | 3 | 4 | 5 | 6;
      return { kind: 'heading', level, inlines: inlinesOf(node, depth) };
    }
    case 'quote':
      return { kind: 'quote', inlines: inlinesOf(node, depth) };
    case 'list':
      return { kind: 'list', ordered: node.listType === 'number', items: listItemsOf(node, depth) };
    default:
      // Paragraphs, and any block type this reader does not know, keep their text as a paragraph.
      if (Array.isArray(node.children)) return { kind: 'paragraph', inlines: inlinesOf(node, depth) };
      if (typeof node.text === 'string') return { kind: 'paragraph', inlines: inlinesOf({ children: [node] }, depth) };
      return null;
  }
}

function listItemsOf(list: Json, depth: number): RichListItem[] {
  const items: RichListItem[] = [];
  for (const item of childrenOf(list)) {
    const inlines: RichInline[] = [];
    const children: RichBlock[] = [];
    for (const child of childrenOf(item)) {
      if (child.type === 'list') {
        if (depth < MAX_DEPTH) children.push({ kind: 'list', ordered: child.listType === 'number', items: listItemsOf(child, depth + 1) });
      } else {
        inlines.push(...inlinesOf({ children: [child] }, depth + 1));
      }
    }
    // Lexical nests a sub-list in an item of its own; fold it into the previous item.
    const previous = items[items.length - 1];
    if (inlines.length === 0 && children.length > 0 && previous) previous.children.push(...children);
    else items.push({ inlines, children });
  }
  return items;
}

function inlinesOf(parent: Json, depth: number): RichInline[] {
  const out: RichInline[] = [];
  if (depth > MAX_DEPTH) return out;
  for (const node of childrenOf(parent)) {
    if (node.type === 'linebreak') out.push({ kind: 'break' });
    else if (node.type === 'tab') out.push({ kind: 'text', text: '\t' });
    else if (node.type === 'link' || node.type === 'autolink') {
      const runs = inlinesOf(node, depth + 1).flatMap((i): RichTextRun[] =>
        i.kind === 'text' ? [i] : i.kind === 'link' ? i.children : [{ kind: 'text', text: ' ' }],
      );
      out.push({ kind: 'link', href: safeHref(node.url), children: runs });
    } else if (typeof node.text === 'string') {
      out.push(runOf(node.text, typeof node.format === 'number' ? node.format : 0));
    } else if (Array.isArray(node.children)) {
      out.push(...inlinesOf(node, depth + 1));
    }
  }
  return out;
}

function runOf(text: string, format: number): RichTextRun {
  const run: RichTextRun = { kind: 'text', text };
  if (format & FORMAT.bold) run.bold = true;
  if (format & FORMAT.italic) run.italic = true;
  if (format & FORMAT.underline) run.underline = true;
  if (format & FORMAT.strike) run.strike = true;
  if (format & FORMAT.code) run.code = true;
  return run;
}

/** Blocks from plain text: one paragraph per line, for notes that only exist as text. */
export function richTextFromPlain(text: string): RichBlock[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => ({ kind: 'paragraph', inlines: [{ kind: 'text', text: line }] }));
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML text node or a double- or single-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** HTML for blocks: a closed set of tags, escaped text, safe links only (opened as plain links). */
export function richTextToHtml(blocks: readonly RichBlock[]): string {
  return blocks.map(blockHtml).join('');
}

function blockHtml(block: RichBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${inlinesHtml(block.inlines)}</p>`;
    case 'heading':
      return `<h${block.level}>${inlinesHtml(block.inlines)}</h${block.level}>`;
    case 'quote':
      return `<blockquote>${inlinesHtml(block.inlines)}</blockquote>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const items = block.items.map((item) => `<li>${inlinesHtml(item.inlines)}${richTextToHtml(item.children)}</li>`);
      return `<${tag}>${items.join('')}</${tag}>`;
    }
  }
}

function inlinesHtml(inlines: readonly RichInline[]): string {
  return inlines
    .map((inline) => {
      if (inline.kind === 'break') return '<br>';
      if (inline.kind === 'link') {
        const inner = inline.children.map(runHtml).join('');
        return inline.href ? `<a href="${escapeHtml(inline.href)}" rel="noopener noreferrer">${inner}</a>` : inner;
      }
      return runHtml(inline);
    })
    .join('');
}

function runHtml(run: RichTextRun): string {
  let html = escapeHtml(run.text);
  if (run.code) html = `<code>${html}</code>`;
  if (run.bold) html = `<strong>${html}</strong>`;
  if (run.italic) html = `<em>${html}</em>`;
  if (run.underline) html = `<u>${html}</u>`;
  if (run.strike) html = `<s>${html}</s>`;
  return html;
}

/** The plain text of blocks, one line per paragraph or list item (for CSV cells and search). */
export function richTextToPlain(blocks: readonly RichBlock[]): string {
  const lines: string[] = [];
  const inlineText = (inlines: readonly RichInline[]) =>
    inlines
      .map((i) => (i.kind === 'break' ? '\n' : i.kind === 'link' ? i.children.map((r) => r.text).join('') : i.text))
      .join('');
  const walk = (list: readonly RichBlock[]) => {
    for (const block of list) {
      if (block.kind === 'list') {
        for (const item of block.items) {
          lines.push(inlineText(item.inlines));
          walk(item.children);
        }
      } else {
        lines.push(inlineText(block.inlines));
      }
    }
  };
  walk(blocks);
  return lines.join('\n');
}
