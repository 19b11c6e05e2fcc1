/**
 * The PDF layout on runs placed by hand (PDF points, y upwards): what a printed page cannot pin
 * down exactly — a paragraph carried over a page break, and its page start inside the paragraph.
 */
import { describe, expect, it } from 'vitest';
import { layOutPages, type PdfRun } from '../../../electron/core/import/pdf-layout';
import { placeOf } from '../../../shared/pages';
import { splitParagraphs } from '../../../shared/text';

/** Lines of 11-pt text at the left margin, 14 pt apart from the top, and a footer with the page number. */
function page(lines: string[], n: number): PdfRun[] {
  const runs = lines.map((str, i) => ({ str, x: 50, y: 760 - i * 14, width: str.length * 5, size: 11 }));
  runs.push({ str: `Газета «Пример» · ${n}`, x: 50, y: 30, width: 100, size: 9 });
  return runs;
}

describe('PDF layout', () => {
  it('a paragraph carried over a page break stays one paragraph, its hyphenated word joined, and page 2 starts inside it', () => {
    const { text, pageStarts } = layOutPages([
      page(['Первый абзац, первая строка', 'и вторая строка.', '', 'Второй абзац начинается здесь', 'и идёт дальше, про-'], 1),
      page(['должается на второй странице', 'и кончается.', '', 'Третий абзац,', 'в две строки.'], 2),
    ]);
    expect(text).toBe(
      'Первый абзац, первая строка и вторая строка.\n\nВторой абзац начинается здесь и идёт дальше, продолжается на второй странице и кончается.\n\nТретий абзац, в две строки.',
    );
    expect(text.slice(pageStarts[1]!)).toMatch(/^должается на второй странице/);
    // A claim on page 2 in the carried-over paragraph is its ¶1; the next paragraph is ¶2.
    const paragraphs = splitParagraphs(text);
    expect(placeOf(paragraphs, pageStarts, text.indexOf('странице'))).toEqual({ page: 2, paragraph: 1 });
    expect(placeOf(paragraphs, pageStarts, text.indexOf('Третий'))).toEqual({ page: 2, paragraph: 2 });
    expect(placeOf(paragraphs, pageStarts, text.indexOf('Второй'))).toEqual({ page: 1, paragraph: 2 });
  });

  it('a sentence that ends at the foot of a page does not run on into the next page’s paragraph', () => {
    const { text, pageStarts } = layOutPages([page(['Конец мысли.'], 1), page(['новая строка с маленькой буквы.'], 2)]);
    expect(text).toBe('Конец мысли.\n\nновая строка с маленькой буквы.');
    expect(pageStarts).toEqual([0, 'Конец мысли.\n\n'.length]);
  });

  it('a footer that repeats on every page is dropped, but a line seen on one page only is kept', () => {
    const { text } = layOutPages([page(['Раз.'], 1), page(['Два.'], 2), page(['Три.'], 3)]);
    expect(text).toBe('Раз.\n\nДва.\n\nТри.');
    const single = layOutPages([page(['Только одна страница.'], 1)]);
    expect(single.text).toContain('Газета «Пример» · 1');
  });
});
