/** The matrix and the code system: subtags listed under their parent by path, or rolled up into it (each claim once). */
import { describe, expect, it } from 'vitest';
import type { Annotation, DocumentMeta, Tag } from '../../../shared/contract';
import { buildMatrix } from '../../../renderer/matrix/matrixModel';

const T = '2025-11-07T10:00:00.000Z';
const tag = (id: string, name: string, parentId: string | null, position: number): Tag => ({
  id, name, color: '#000000', position, parentId, definition: '', useWhen: '', avoidWhen: '', example: '', claims: 0, createdAt: T, modifiedAt: T, favourite: false,
});
const doc = (id: string) => ({ id, title: id, outlet: id, date: null }) as DocumentMeta;
const claim = (id: string, documentId: string, tagIds: string[]) => ({ id, documentId, tagIds }) as Annotation;

const tags = [tag('e', 'economic', null, 0), tag('s', 'sanctions', 'e', 0), tag('x', 'security', null, 1)];
const docs = [doc('d1'), doc('d2')];
const claims = [claim('a', 'd1', ['e', 's']), claim('b', 'd1', ['s']), claim('c', 'd2', ['x'])];
const cells = [
  { tagId: 'e', documentId: 'd1', count: 1 },
  { tagId: 's', documentId: 'd1', count: 2 },
  { tagId: 'x', documentId: 'd2', count: 1 },
];

describe('the matrix with nested tags', () => {
  it('lists subtags after their parent, labelled by path', () => {
    const m = buildMatrix(cells, tags, docs, claims);
    expect(m.rows.map((r) => [r.label, r.counts])).toEqual([
      ['economic', [1, 0]],
      ['economic ▸ sanctions', [2, 0]],
      ['security', [0, 1]],
      ['', [0, 0]],
    ]);
  });

  it('rolls subtags up into their parent, counting a claim coded with both once', () => {
    const m = buildMatrix(cells, tags, docs, claims, { rollUp: true });
    expect(m.rows.map((r) => [r.label, r.counts, r.total])).toEqual([
      ['economic', [2, 0], 2],
      ['security', [0, 1], 1],
      ['', [0, 0], 0],
    ]);
  });
});
