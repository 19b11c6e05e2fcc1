import { describe, expect, it } from 'vitest';
import { escapeHtml, richTextFromLexical, richTextFromPlain, richTextToHtml, richTextToPlain, safeHref } from '../../../shared/richtext';

const text = (t: string, format = 0) => ({ type: 'text', text: t, format, detail: 0, mode: 'normal', style: '', version: 1 });
const para = (...children: unknown[]) => ({ type: 'paragraph', children, direction: 'ltr', format: '', indent: 0, version: 1 });
const state = (...children: unknown[]) => JSON.stringify({ root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 } });

describe('rich text of notes', () => {
  it('reads paragraphs, formats, links, line breaks and nested lists from Lexical JSON', () => {
    const json = state(
      para(text('Сделки на '), text('17 млрд', 1), text(' — ', 0), text('проверить', 2)),
      para({ type: 'link', url: 'https://kazpravda.kz/a', children: [text('источник')] }, { type: 'linebreak' }, text('дальше')),
      {
        type: 'list',
        listType: 'number',
        children: [
          { type: 'listitem', children: [text('первое')] },
          { type: 'listitem', children: [{ type: 'list', listType: 'bullet', children: [{ type: 'listitem', children: [text('вложенное')] }] }] },
        ],
      },
    );
    const blocks = richTextFromLexical(json);
    expect(richTextToHtml(blocks)).toBe(
      '<p>Сделки на <strong>17 млрд</strong> — <em>проверить</em></p>' +
        '<p><a href="https://kazpravda.kz/a" rel="noopener noreferrer">источник</a><br>дальше</p>' +
        '<ol><li>первое<ul><li>вложенное</li></ul></li></ol>',
    );
    expect(richTextToPlain(blocks)).toBe('Сделки на 17 млрд — проверить\nисточник\nдальше\nпервое\nвложенное');
  });

  it('escapes markup and drops links that could run code', () => {
    const json = state(
      para(text('<script>alert(1)</script><img src=x onerror="alert(2)">')),
      para({ type: 'link', url: 'javascript:alert(3)', children: [text('click')] }),
      para({ type: 'link', url: 'java\tscript:alert(4)', children: [text('tab')] }),
      para({ type: 'link', url: 'data:text/html,<script>', children: [text('data')] }),
    );
    const html = richTextToHtml(richTextFromLexical(json));
    expect(html).not.toMatch(/<script|<img|href="(?!https?:|mailto:)/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
    expect(html).toContain('<p>click</p>');
    expect(html).not.toContain('javascript');
  });

  it('accepts only http, https and mailto targets', () => {
    expect(safeHref('https://example.org/?q=1&x="y"')).toBe('https://example.org/?q=1&x="y"');
    expect(safeHref('mailto:a@b.kz')).toBe('mailto:a@b.kz');
    for (const bad of ['javascript:x', 'JaVaScRiPt:x', 'vbscript:x', 'file:///etc/passwd', '/relative', 'ht tp://x', 42, null]) {
      expect(safeHref(bad)).toBeNull();
    }
    expect(escapeHtml(`a&b<c>"d"'e'`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&#39;e&#39;');
  });

  it('never throws on malformed or hostile input', () => {
    let deep: unknown = text('bottom');
    for (let i = 0; i < 5000; i++) deep = { type: 'paragraph', children: [deep] };
    for (const input of ['{', 'null', '[]', '{"root":1}', JSON.stringify({ root: { children: 'x' } }), { root: { type: 'root', children: [deep] } }]) {
      expect(() => richTextFromLexical(input)).not.toThrow();
    }
    expect(richTextFromLexical('{')).toEqual([]);
  });

  it('turns plain text into one paragraph per non-empty line', () => {
    expect(richTextToHtml(richTextFromPlain('one\r\n\ntwo <b>'))).toBe('<p>one</p><p>two &lt;b&gt;</p>');
  });
});
