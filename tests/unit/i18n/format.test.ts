import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../shared/commands';
import { en } from '../../../renderer/i18n/en';
import { formatMessage } from '../../../renderer/i18n/format';
import { ru } from '../../../renderer/i18n/ru';

describe('formatMessage', () => {
  const links = '{count, plural, one {# связь} few {# связи} many {# связей} other {# связи}}';

  it('picks Russian plural forms by the language rules', () => {
    expect([1, 2, 5, 11, 21, 22, 25, 1.5].map((count) => formatMessage('ru', links, { count }))).toEqual([
      '1 связь',
      '2 связи',
      '5 связей',
      '11 связей',
      '21 связь',
      '22 связи',
      '25 связей',
      '1.5 связи',
    ]);
  });

  it('picks English forms, exact matches first, and fills other placeholders inside a branch', () => {
    const t = '{count, plural, =0 {no links for {name}} one {# link for {name}} other {# links for {name}}}';
    expect(formatMessage('en', t, { count: 0, name: 'A' })).toBe('no links for A');
    expect(formatMessage('en', t, { count: 1, name: 'A' })).toBe('1 link for A');
    expect(formatMessage('en', t, { count: 7, name: 'A' })).toBe('7 links for A');
  });

  it('leaves unknown placeholders and templates without variables alone', () => {
    expect(formatMessage('en', 'Hello {who}', { other: 1 })).toBe('Hello {who}');
    expect(formatMessage('en', 'Plain {x}')).toBe('Plain {x}');
  });
});

describe('the dictionaries', () => {
  it('have no “(s)” plurals left: counts go through plural forms', () => {
    for (const dict of [en, ru]) {
      expect(Object.entries(dict).filter(([, v]) => /\w\(s\)|\(ы\)|\(и\)|\(ов\)/.test(v))).toEqual([]);
    }
  });

  it('have well-formed plural templates with an “other” branch in both languages', () => {
    for (const dict of [en, ru] as Record<string, string>[]) {
      for (const [key, v] of Object.entries(dict)) {
        if (!/\{\w+,\s*plural,/.test(v)) continue;
        expect(v, key).toMatch(/other\s*\{/);
        expect(formatMessage('ru', v, { count: 3, shown: 3, total: 3, created: 3, tagged: 3, covered: 3, errors: 3, chars: '3' }), key).not.toMatch(/plural|#/);
      }
    }
  });
  it('counts that read wrong in Russian go through plural forms: «Здесь пересекаются 3 утверждения», «Отметить все 5 совпадений»', () => {
    const ruText = (key: keyof typeof ru, vars: Record<string, string | number>) => formatMessage('ru', ru[key], vars);
    expect(ruText('popover.choose', { count: 3 })).toBe('Здесь пересекаются 3 утверждения — выберите одно:');
    expect(ruText('popover.choose', { count: 5 })).toBe('Здесь пересекаются 5 утверждений — выберите одно:');
    expect(ruText('search.autocode', { count: 1 })).toBe('Отметить 1 совпадение');
    expect(ruText('search.autocode', { count: 3 })).toBe('Отметить все 3 совпадения');
    expect(ruText('search.autocode', { count: 12 })).toBe('Отметить все 12 совпадений');
    expect(ruText('search.autocoded', { created: 2, tagged: 1, covered: 0 })).toBe('Автокодирование: 2 новых утверждения, тег добавлен 1 существующему.');
    expect(ruText('search.autocoded', { created: 21, tagged: 5, covered: 3 })).toBe(
      'Автокодирование: 21 новое утверждение, тег добавлен 5 существующим; 3 фрагмента уже были с этим тегом.',
    );
    expect(ruText('search.countMore', { shown: 200, total: 1001 })).toBe('Показано 200 из 1001 совпадения');
    expect(ruText('search.loadMore', { count: 2 })).toBe('Показать ещё 2 совпадения');
    expect(ruText('documents.info', { count: 1001, chars: '1 001', file: 'a.txt' })).toBe('1 001 знак · импортирован из a.txt');
    expect(ruText('share.health.fuzzyTitle', { errors: 2, quote: 'x' })).toMatch(/^Найдено приблизительным поиском при импорте \(2 правки\)/);
    // English too: one hit is not "hits".
    expect(formatMessage('en', en['search.autocode'], { count: 1 })).toBe('Tag the 1 hit');
    expect(formatMessage('en', en['browser.count'], { shown: 1, total: 1 })).toBe('1 of 1 claim');
  });
  it('the command palette is sentence case: no Title Case label such as "Reload Project", and every command is named in both languages', () => {
    // Names keep their capital: the app's own, and the exchange standard REFI-QDA.
    const names = new Set(['Crossread', 'REFI-QDA']);
    for (const c of COMMANDS) {
      const key = `command.${c.id}` as keyof typeof en;
      expect(en[key], c.id).toBeTypeOf('string');
      expect((ru as Record<string, string>)[key], c.id).toBeTypeOf('string');
      const later = en[key].split(/\s+/).slice(1).filter((w) => /^\p{Lu}/u.test(w) && !names.has(w.replace(/\W+$/u, '')));
      expect(later, `${c.id}: ${en[key]}`).toEqual([]);
    }
  });
});
