import { describe, expect, it } from 'vitest';
import type { RelationType } from '../../../shared/contract';
import { en } from '../../../renderer/i18n/en';
import { formatMessage } from '../../../renderer/i18n/format';
import { ru } from '../../../renderer/i18n/ru';
import { relationNames } from '../../../renderer/links/relationLabel';

const relation = (builtin: string | null, name: string, inverseName: string): RelationType => ({
  id: '3f0c1a52-8d4e-4b7a-9c61-0000000000a1',
  name,
  inverseName,
  symmetric: name === inverseName,
  builtin,
  position: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  modifiedAt: '2026-01-01T00:00:00.000Z',
});
const tRu = (key: keyof typeof en, vars?: Record<string, string | number>) => formatMessage('ru', (ru as Record<string, string>)[key]!, vars);
const tEn = (key: keyof typeof en, vars?: Record<string, string | number>) => formatMessage('en', en[key], vars);

describe('relation names in the UI', () => {
  it('built-in relation names are Russian in the Russian UI («противоречит», not CONTRADICTS) while their stored names stay English', () => {
    const stored = [
      relation('supports', 'supports', 'is supported by'),
      relation('contradicts', 'contradicts', 'contradicts'),
      relation('elaborates', 'elaborates', 'is elaborated by'),
      relation('same-claim', 'same claim', 'same claim'),
    ];
    expect(stored.map((r) => relationNames(r, tRu))).toEqual([
      { name: 'подтверждает', inverseName: 'подтверждается' },
      { name: 'противоречит', inverseName: 'противоречит' },
      { name: 'развивает', inverseName: 'развивается в' },
      { name: 'то же утверждение', inverseName: 'то же утверждение' },
    ]);
    expect(stored.map((r) => relationNames(r, tEn))).toEqual(stored.map((r) => ({ name: r.name, inverseName: r.inverseName })));
  });

  it("a built-in the analyst renamed, and the analyst's own types, keep the analyst's words", () => {
    expect(relationNames(relation('supports', 'backs', 'is supported by'), tRu)).toEqual({ name: 'backs', inverseName: 'подтверждается' });
    expect(relationNames(relation(null, 'supports', 'is supported by'), tRu)).toEqual({ name: 'supports', inverseName: 'is supported by' });
  });
});
