/**
 * Paste as new document through the backend: the clipboard's HTML goes through the HTML importer,
 * plain text is kept as it is, the user's title, outlet and date are stored, and bad input (nothing
 * to paste, the same text again, no title) is refused with a clear message and changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { expectAppError, withProject } from './helpers';
import { projectRows } from '../import/hostile';

const ARTICLE = 'Казахстан присоединился к Соглашениям Авраама.\n\nЭксперты оценивают шаг по-разному.';

describe('paste as new document', () => {
  it('pasted plain text becomes a document with the title, outlet and date the user gave, and is searchable', async () => {
    const fx = await withProject();
    const doc = await fx.backend.call('documents.paste', { text: ARTICLE, title: 'Из буфера', outlet: 'Zakon.kz', date: '2026-03-02' });
    expect(doc).toMatchObject({ title: 'Из буфера', outlet: 'Zakon.kz', date: '2026-03-02', format: 'txt', language: 'ru' });
    expect((await fx.backend.call('documents.get', { id: doc.id })).text).toBe(ARTICLE);
    expect(JSON.stringify(await fx.backend.call('search.query', { q: 'Авраама' }))).toContain(doc.id);
  });

  it('pasted HTML is read through the HTML importer: the article stays, scripts and navigation go', async () => {
    const fx = await withProject();
    const html = '<nav>Главная · Мир</nav><article><h1>Заголовок</h1><p>Первый абзац статьи.</p><script>window.x = 1</script><p>Второй абзац.</p></article>';
    const doc = await fx.backend.call('documents.paste', { text: 'plain fallback', html, title: 'HTML из буфера' });
    expect(doc.format).toBe('html');
    const text = (await fx.backend.call('documents.get', { id: doc.id })).text;
    expect(text).toContain('Первый абзац статьи.');
    expect(text).toContain('Второй абзац.');
    expect(text).not.toContain('window.x');
    expect(text).not.toContain('plain fallback');
  });

  it('pasting nothing, pasting the same text twice or pasting without a title is refused and changes nothing', async () => {
    const fx = await withProject();
    await fx.backend.call('documents.paste', { text: ARTICLE, title: 'Первый' });
    const before = projectRows(fx.projectPath);
    expect((await expectAppError(fx.backend.call('documents.paste', { text: '  \n ', title: 'Пусто' }), 'bad-input')).message).toMatch(/holds no text/);
    expect((await expectAppError(fx.backend.call('documents.paste', { text: ARTICLE, title: 'Второй' }), 'conflict')).message).toMatch(/already in the project as «Первый»/);
    expect((await expectAppError(fx.backend.call('documents.paste', { text: ARTICLE, title: '   ' }), 'bad-input')).message).toMatch(/needs a title/);
    await expectAppError(fx.backend.call('documents.paste', { text: ARTICLE, title: 'T', date: '2026-02-30' }), 'bad-input');
    expect(projectRows(fx.projectPath)).toEqual(before);
  });
});
