/**
 * Markdown import (.md): parsed with markdown-it (raw HTML off) and flattened to plain text, one paragraph
 * per block, blocks separated by a blank line, inline markup dropped.
 */
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { decodeBytes } from './decode';
import { guessLanguage, takeDateHeader, titleFromFileName } from './metadata';
import type { ExtractedDocument, ImportSource } from './types';

const parser = new MarkdownIt('default', { html: false, linkify: false, typographer: false });

export function extractMarkdown(src: ImportSource): ExtractedDocument {
  const decoded = decodeBytes(src.name, src.bytes);
  const { text: source, date } = takeDateHeader(decoded.text);
  const { text, heading } = markdownToText(source);
  return {
    text,
    title: heading || titleFromFileName(src.name),
    outlet: '',
    author: '',
    date,
    language: guessLanguage(text),
    format: 'md',
    encoding: decoded.encoding,
  };
}

/**
 * Plain text of a Markdown source: headings, paragraphs, list items and quoted paragraphs each become a
 * paragraph; a table row becomes one paragraph with its cells joined by tabs; code blocks keep their text.
 * `heading` is the text of the first level-1 heading, '' when there is none.
 */
export function markdownToText(source: string): { text: string; heading: string } {
  const tokens = parser.parse(source, {});
  const paragraphs: string[] = [];
  const add = (paragraph: string): void => {
    if (/\S/.test(paragraph)) paragraphs.push(paragraph);
  };
  let heading = '';
  let headingTag: string | null = null;
  let row: string[] | null = null;

  for (const token of tokens) {
    switch (token.type) {
      case 'heading_open':
        headingTag = token.tag;
        break;
      case 'heading_close':
        headingTag = null;
        break;
      case 'tr_open':
        row = [];
        break;
      case 'tr_close':
        if (row) add(row.join('\t'));
        row = null;
        break;
      case 'inline': {
        const inline = inlineText(token.children ?? []);
        if (row) {
          row.push(inline.trim());
        } else {
          add(inline);
        }
        if (headingTag === 'h1' && !heading) heading = inline.trim();
        break;
      }
      case 'fence':
      case 'code_block':
        add(token.content.replace(/\n$/, ''));
        break;
      default:
        break;
    }
  }
  return { text: paragraphs.join('\n\n'), heading };
}

/** The visible text of inline tokens: text as is, links as their text, images as their alt text, breaks as LF. */
function inlineText(children: Token[]): string {
  let out = '';
  for (const child of children) {
    switch (child.type) {
      case 'text':
      case 'text_special':
      case 'code_inline':
        out += child.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        out += '\n';
        break;
      case 'image':
        out += child.children ? inlineText(child.children) : child.content;
        break;
      default:
        break;
    }
  }
  return out;
}
