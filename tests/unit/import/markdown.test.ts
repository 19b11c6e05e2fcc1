import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../electron/core/import';
import { utf8 } from './helpers';

const source = [
  'date 2025-11-07',
  '# Казахстан и *Авраамовы* соглашения',
  '',
  'Первый абзац с **жирным**, _курсивом_, [ссылкой](https://example.com "title") и `кодом`.',
  '',
  '## Итоги',
  '',
  '- пункт **один**',
  '- пункт два',
  '',
  '1. first',
  '2. second &amp; last',
  '',
  '> Цитата эксперта.',
  '',
  '![Карта региона](map.png)',
  '',
  '| Страна | Год |',
  '|---|---|',
  '| Казахстан | 2025 |',
  '',
  '```',
  'const x = 1;',
  '  indented();',
  '```',
  '',
  '<script>alert(1)</script>',
  '',
  '---',
  '',
  'Last line one',
  'last line two',
  '',
].join('\r\n');

describe('markdown import', () => {
  it('flattens blocks to paragraphs and drops inline markup', async () => {
    const doc = await extractDocument({ name: 'notes.md', bytes: utf8(source) });

    expect(doc.text).toBe(
      [
        'Казахстан и Авраамовы соглашения',
        'Первый абзац с жирным, курсивом, ссылкой и кодом.',
        'Итоги',
        'пункт один',
        'пункт два',
        'first',
        'second & last',
        'Цитата эксперта.',
        'Карта региона',
        'Страна\tГод',
        'Казахстан\t2025',
        'const x = 1;\n  indented();',
        '<script>alert(1)</script>',
        'Last line one\nlast line two',
      ].join('\n\n'),
    );
    expect(doc.title).toBe('Казахстан и Авраамовы соглашения');
    expect(doc.date).toBe('2025-11-07');
    expect(doc.format).toBe('md');
    expect(doc.encoding).toBe('utf-8');
    expect(doc.language).toBe('ru');
  });

  it('uses the file name as title when there is no level-1 heading', async () => {
    const doc = await extractDocument({ name: 'Черновик.markdown', bytes: utf8('## Sub\n\nText with *stress*.\n') });
    expect(doc.title).toBe('Черновик');
    expect(doc.date).toBeNull();
    expect(doc.text).toBe('Sub\n\nText with stress.');
  });
});
