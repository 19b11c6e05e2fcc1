/** Notes from colleagues' files: HTML and plain text become Lexical states the note editor can load. */
import { describe, expect, it } from 'vitest';
import { noteFromHtml, noteFromPlain } from '../../../electron/core/share/html-note';
import { richTextFromLexical, richTextToHtml } from '../../../shared/richtext';

const roundTrip = (html: string) => richTextToHtml(richTextFromLexical(noteFromHtml(html).json));

describe('notes from HTML', () => {
  it('keeps paragraphs, breaks, inline formats, lists and safe links', () => {
    expect(roundTrip('<p>One <b>bold</b> <i>it</i> <u>u</u> <s>s</s> <code>c</code><br>two</p><ul><li>a</li><li>b<ol><li>b1</li></ol></li></ul>')).toBe(
      '<p>One <strong>bold</strong> <em>it</em> <u>u</u> <s>s</s> <code>c</code><br>two</p><ul><li>a</li><li>b<ol><li>b1</li></ol></li></ul>',
    );
    expect(roundTrip('<p><a href="https://example.org/x?a=1&amp;b=2">site</a> <a href="mailto:a@b.c">mail</a></p>')).toBe(
      '<p><a href="https://example.org/x?a=1&amp;b=2" rel="noopener noreferrer">site</a> <a href="mailto:a@b.c" rel="noopener noreferrer">mail</a></p>',
    );
  });

  it('turns headings into bold paragraphs and quotes into paragraphs (the note editor has neither)', () => {
    const { json, text } = noteFromHtml('<h2>Title</h2><blockquote>Quoted</blockquote><div>Plain</div>');
    expect(text).toBe('Title\nQuoted\nPlain');
    expect(JSON.parse(json).root.children.map((c: { type: string }) => c.type)).toEqual(['paragraph', 'paragraph', 'paragraph']);
    expect(roundTrip('<h2>Title</h2>')).toBe('<p><strong>Title</strong></p>');
  });

  it('drops scripts, styles, handlers and unsafe links, keeping the visible text', () => {
    const html = '<p onclick="x()" style="color:red">Hi<script>alert(1)</script><style>p{}</style> <a href="javascript:alert(2)">there</a> <a href="data:text/html,x">you</a><img src=x onerror=alert(3)><iframe src="https://evil"></iframe></p>';
    expect(roundTrip(html)).toBe('<p>Hi there you</p>');
    expect(noteFromHtml(html).json).not.toMatch(/alert|javascript|onclick|onerror|iframe|evil/);
  });

  it('survives nesting deeper than it walks, and empty input gives an empty note', () => {
    const deep = `${'<span>'.repeat(5000)}deep${'</span>'.repeat(5000)}`;
    expect(() => noteFromHtml(deep)).not.toThrow();
    expect(noteFromHtml('').text).toBe('');
  });
});

describe('notes from plain text', () => {
  it('makes one paragraph per non-empty line, with no markup interpreted', () => {
    const { json, text } = noteFromPlain('First <b>line</b>\r\n\r\nSecond line');
    expect(text).toBe('First <b>line</b>\nSecond line');
    expect(richTextToHtml(richTextFromLexical(json))).toBe('<p>First &lt;b&gt;line&lt;/b&gt;</p><p>Second line</p>');
  });
});
