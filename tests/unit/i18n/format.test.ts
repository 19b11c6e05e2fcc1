import { describe, expect, it } from 'vitest';
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
        expect(formatMessage('ru', v, { count: 3, shown: 3, total: 3, created: 3, tagged: 3 }), key).not.toMatch(/plural|#/);
      }
    }
  });
});
