/**
 * HTML import (.html, .htm): parsed with htmlparser2 (a parser only: nothing is run or fetched), page chrome
 * and hidden content dropped, the main content flattened to paragraphs separated by a blank line.
 */
import { DomHandler, DomUtils, ElementType, Parser } from 'htmlparser2';
import { decodeBytes } from './decode';
import { guessLanguage, isoDay, primaryLanguage, titleFromFileName } from './metadata';
import { quoted, refuse } from './refuse';
import type { ExtractedDocument, ImportSource } from './types';

type HtmlDocument = DomHandler['root'];
type HtmlNode = HtmlDocument['children'][number];
type HtmlElement = Extract<HtmlNode, { attribs: Record<string, string> }>;

/** Elements whose content is never document text. */
const DROPPED = new Set([
  'head',
  'title',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'form',
  'button',
  'select',
  'textarea',
  'nav',
  'header',
  'footer',
  'aside',
  'dialog',
]);

/** Elements that start and end a paragraph. */
const BLOCKS = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'ol',
  'p',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
]);

/**
 * Deepest nesting of elements accepted. Real pages stay far below it (browsers flatten what goes
 * past 512); past it the parser's own stack work grows with the square of the depth, and the
 * walks over the tree below recurse once per level.
 */
export const MAX_HTML_DEPTH = 1000;

/** Bytes searched for a `<meta charset>` declaration, as browsers do. */
const CHARSET_SNIFF_BYTES = 4096;

export function extractHtml(src: ImportSource): ExtractedDocument {
  const decoded = decodeBytes(src.name, src.bytes, { declaredCharset: declaredCharset(src.bytes) });
  const doc = parseBounded(decoded.text);
  if (!doc) {
    throw refuse(
      `${quoted(src.name)} nests its HTML elements more than ${MAX_HTML_DEPTH.toLocaleString('en-US')} deep, far deeper than a real page, so Crossread did not import it; open it in a browser, save it again (or copy its text into a .txt file) and import that.`,
    );
  }

  const root = contentRoot(doc);
  const text = htmlToText(root);

  let author = '';
  let outlet = '';
  let date: string | null = null;
  for (const meta of DomUtils.findAll((el) => el.name === 'meta', doc.children)) {
    const content = collapse(attr(meta, 'content'));
    if (!content) continue;
    const name = attr(meta, 'name').trim().toLowerCase();
    const property = attr(meta, 'property').trim().toLowerCase();
    if (name === 'author' && !author) author = content;
    if (property === 'og:site_name' && !outlet) outlet = content;
    if (property === 'article:published_time' && !date) date = isoDay(content);
  }
  if (!date) {
    const time = DomUtils.findOne((el) => el.name === 'time' && attr(el, 'datetime') !== '' && !isHidden(el), [root]);
    if (time) date = isoDay(attr(time, 'datetime'));
  }

  const htmlElement = DomUtils.findOne((el) => el.name === 'html', doc.children, false);
  const declaredLanguage = primaryLanguage(htmlElement ? attr(htmlElement, 'lang') : '');

  return {
    text,
    title: pageTitle(doc, root) || titleFromFileName(src.name),
    outlet,
    author,
    date,
    language: declaredLanguage || guessLanguage(text),
    format: 'html',
    encoding: decoded.encoding,
  };
}

class DepthExceeded extends Error {}

/** Builds the tree, and gives up (null) once an element opens more than MAX_HTML_DEPTH deep. */
class BoundedDomHandler extends DomHandler {
  override onopentag(name: string, attribs: Record<string, string>): void {
    // tagStack holds the document itself below the open elements.
    if (this.tagStack.length > MAX_HTML_DEPTH) throw new DepthExceeded();
    super.onopentag(name, attribs);
  }
}

function parseBounded(html: string): HtmlDocument | null {
  const handler = new BoundedDomHandler();
  try {
    new Parser(handler, { decodeEntities: true }).end(html);
  } catch (error) {
    if (error instanceof DepthExceeded) return null;
    throw error;
  }
  return handler.root;
}

/** The charset a page declares in a `<meta charset>` or `<meta http-equiv="Content-Type">` near its start. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, CHARSET_SNIFF_BYTES));
  const match = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-z0-9_:.-]+)/i.exec(head);
  return match?.[1]?.toLowerCase();
}

/** The `<title>`, else the first visible `<h1>` of the content, else the first visible `<h1>` anywhere; '' if none. */
function pageTitle(doc: HtmlDocument, root: HtmlDocument | HtmlElement): string {
  const title = DomUtils.findOne((el) => el.name === 'title', doc.children);
  const fromTitle = title ? collapse(DomUtils.textContent(title)) : '';
  if (fromTitle) return fromTitle;
  for (const scope of [root, doc]) {
    const h1 = DomUtils.findOne((el) => el.name === 'h1' && !isHidden(el), [scope]);
    const fromH1 = h1 ? htmlToText(h1).replace(/\s+/g, ' ') : '';
    if (fromH1) return fromH1;
  }
  return '';
}

/** The largest visible `<article>`, else the first visible `<main>`, else `<body>`, else the whole document. */
function contentRoot(doc: HtmlDocument): HtmlDocument | HtmlElement {
  // An article inside another can hold no more text than the outer one, so only the outermost
  // compete; measuring each nested one too would read the same text once per level.
  const articles = DomUtils.findAll((el) => el.name === 'article' && !hasAncestor(el, 'article') && !isHidden(el), doc.children);
  let best: HtmlElement | null = null;
  let bestLength = -1;
  for (const article of articles) {
    const length = htmlToText(article).length;
    if (length > bestLength) {
      best = article;
      bestLength = length;
    }
  }
  if (best) return best;
  const main = DomUtils.findOne((el) => el.name === 'main' && !isHidden(el), doc.children);
  if (main) return main;
  return DomUtils.findOne((el) => el.name === 'body', doc.children) ?? doc;
}

function isElement(node: HtmlNode | HtmlDocument): node is HtmlElement {
  return node.type === ElementType.Tag || node.type === ElementType.Script || node.type === ElementType.Style;
}

/**
 * Whether an element's own content is dropped: page chrome, scripts and the like, or marked hidden. A
 * `<header>` inside an `<article>` is the article's own heading and byline, so it stays.
 */
function isDropped(el: HtmlElement): boolean {
  if (DomUtils.hasAttrib(el, 'hidden') || attr(el, 'aria-hidden').trim().toLowerCase() === 'true') return true;
  if (el.name === 'header') return !hasAncestor(el, 'article');
  return DROPPED.has(el.name);
}

/** An attribute's value, '' when absent. */
function attr(el: HtmlElement, name: string): string {
  return DomUtils.getAttributeValue(el, name) ?? '';
}

function hasAncestor(el: HtmlElement, name: string): boolean {
  for (let parent = el.parent; parent && isElement(parent); parent = parent.parent) {
    if (parent.name === name) return true;
  }
  return false;
}

/** isHidden's answers, so that asking about many elements deep in one tree stays linear in its size. */
const hiddenCache = new WeakMap<HtmlElement, boolean>();

/** Whether the element or any ancestor is dropped. */
function isHidden(el: HtmlElement): boolean {
  // Walk up to the first element already answered (or the top), then answer on the way down.
  const uncached: HtmlElement[] = [];
  let hidden = false;
  for (let node: HtmlElement | null = el; node; ) {
    const known = hiddenCache.get(node);
    if (known !== undefined) {
      hidden = known;
      break;
    }
    uncached.push(node);
    const parent: HtmlNode | HtmlDocument | null = node.parent;
    node = parent && isElement(parent) ? parent : null;
  }
  for (let i = uncached.length - 1; i >= 0; i--) {
    const node = uncached[i]!;
    hidden = hidden || isDropped(node);
    hiddenCache.set(node, hidden);
  }
  return hidden;
}

/** Collapses runs of HTML whitespace to one space and trims. */
function collapse(value: string): string {
  return value.replace(/[ \t\n\r\f]+/g, ' ').trim();
}

/** Builds one paragraph from inline text, collapsing whitespace across node boundaries. */
class ParagraphBuilder {
  private parts: string[] = [];
  private pendingSpace = false;
  private spaceAllowed = false;

  addText(data: string): void {
    const collapsed = data.replace(/[ \t\n\r\f]+/g, ' ');
    const leading = collapsed.startsWith(' ');
    const trailing = collapsed.endsWith(' ');
    const core = collapsed.slice(leading ? 1 : 0, trailing ? -1 : undefined);
    if (!core) {
      if (collapsed && this.spaceAllowed) this.pendingSpace = true;
      return;
    }
    if ((leading || this.pendingSpace) && this.spaceAllowed) this.parts.push(' ');
    this.parts.push(core);
    this.spaceAllowed = true;
    this.pendingSpace = trailing;
  }

  /** A separator between table cells; nothing before the first cell. */
  addSeparator(separator: string): void {
    if (this.parts.length === 0) return;
    this.parts.push(separator);
    this.spaceAllowed = false;
    this.pendingSpace = false;
  }

  take(): string {
    const paragraph = this.parts.join('').trim();
    this.parts = [];
    this.pendingSpace = false;
    this.spaceAllowed = false;
    return paragraph;
  }
}

/** The visible text of a subtree: one paragraph per block element or `<br>`-separated line, blank lines between. */
export function htmlToText(root: HtmlDocument | HtmlElement): string {
  const paragraphs: string[] = [];
  const line = new ParagraphBuilder();
  const flush = (): void => {
    const paragraph = line.take();
    if (/\S/.test(paragraph)) paragraphs.push(paragraph);
  };

  const visit = (node: HtmlNode | HtmlDocument): void => {
    if (node.type === ElementType.Text) {
      line.addText(node.data);
      return;
    }
    if (!isElement(node)) {
      if (node.type === ElementType.Root) node.children.forEach(visit);
      return; // comments, doctype, processing instructions
    }
    if (isDropped(node)) return;
    switch (node.name) {
      case 'br':
        flush();
        return;
      case 'pre': {
        flush();
        const pre = preformattedText(node);
        if (/\S/.test(pre)) paragraphs.push(pre);
        return;
      }
      case 'td':
      case 'th':
        line.addSeparator('\t');
        node.children.forEach(visit);
        return;
      default: {
        const block = BLOCKS.has(node.name);
        if (block) flush();
        node.children.forEach(visit);
        if (block) flush();
      }
    }
  };

  visit(root);
  flush();
  return paragraphs.join('\n\n');
}

/** The text of a `<pre>` as written: whitespace kept, `<br>` as LF, the newline right after `<pre>` dropped. */
function preformattedText(pre: HtmlElement): string {
  let out = '';
  const visit = (node: HtmlNode): void => {
    if (node.type === ElementType.Text) out += node.data;
    else if (isElement(node) && !isDropped(node)) {
      if (node.name === 'br') out += '\n';
      else node.children.forEach(visit);
    }
  };
  pre.children.forEach(visit);
  return out.replace(/^\n/, '').trimEnd();
}
