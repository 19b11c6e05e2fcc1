import { describe, expect, it } from 'vitest';
import { clustersOf, defaultClusterTitle } from '../../../shared/clusters';

const relations = [
  { id: 'r-same', builtin: 'same-claim' },
  { id: 'r-sup', builtin: 'supports' },
  { id: 'r-con', builtin: 'contradicts' },
];
const claim = (id: string, documentId: string, minute: number) => ({
  id,
  documentId,
  createdAt: `2026-01-01T00:${String(minute).padStart(2, '0')}:00.000Z`,
});

describe('claim clusters', () => {
  const claims = [claim('a', 'd1', 5), claim('b', 'd2', 1), claim('c', 'd3', 9), claim('d', 'd1', 2), claim('e', 'd2', 3)];

  it('joins claims by same-claim links only, earliest claim first', () => {
    const links = [
      { fromId: 'a', toId: 'b', relationId: 'r-same' },
      { fromId: 'c', toId: 'a', relationId: 'r-same' },
      { fromId: 'd', toId: 'e', relationId: 'r-sup' },
      { fromId: 'd', toId: 'a', relationId: 'r-con' },
    ];
    const clusters = clustersOf(claims, links, relations);
    expect(clusters).toEqual([{ key: 'b', memberIds: ['b', 'a', 'c'], documentIds: ['d2', 'd1', 'd3'], title: null }]);
  });

  it('ignores links to claims outside the list', () => {
    expect(clustersOf(claims, [{ fromId: 'a', toId: 'zz', relationId: 'r-same' }], relations)).toEqual([]);
  });

  it('keeps a title given to either cluster when two clusters join, the earlier key first', () => {
    const links = [
      { fromId: 'a', toId: 'c', relationId: 'r-same' },
      { fromId: 'd', toId: 'e', relationId: 'r-same' },
    ];
    const titles = new Map([['a', 'Deals worth 17 bn']]);
    expect(clustersOf(claims, links, relations, titles).map((c) => [c.key, c.title])).toEqual([
      ['d', null],
      ['a', 'Deals worth 17 bn'],
    ]);
    const joined = clustersOf(claims, [...links, { fromId: 'c', toId: 'e', relationId: 'r-same' }], relations, titles);
    expect(joined).toHaveLength(1);
    expect(joined[0]!.key).toBe('d');
    expect(joined[0]!.title).toBe('Deals worth 17 bn');
  });

  it('shortens the default title to the earliest quote on one line', () => {
    expect(defaultClusterTitle('  one\n two  ')).toBe('one two');
    expect(defaultClusterTitle('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
