/**
 * A click on a big graph's pale picture finds its claim through a grid of cells. At the overview's
 * zoom a node is under a pixel wide, so a click is allowed a slack of two pixels; the click that
 * landed a pixel off, in the cell next to the node's, found nothing.
 */
import { describe, expect, it } from 'vitest';
import { HitGrid } from '../../../renderer/graph/hitGrid';

const grid = (points: readonly [string, number, number][]) =>
  new HitGrid(
    points.map((p) => p[0]),
    Float64Array.from(points.map((p) => p[1])),
    Float64Array.from(points.map((p) => p[2])),
    8,
  );

describe('the pale picture’s hit grid', () => {
  it('finds a node from a click that landed within the slack but in the next cell (the click that missed a node a pixel off)', () => {
    // The node's box (±8) lies in cells y = 10 only; the click at y = 316 is in cell 9.
    const g = grid([['a', 1058, 330]]);
    expect(g.nodeAt({ x: 1047, y: 316 }, 40)).toBe('a');
    expect(g.nodeAt({ x: 1047, y: 316 })).toBeNull();
  });

  it('takes the nearest of several nodes within reach, and none beyond the radius plus the slack', () => {
    const g = grid([
      ['near', 100, 100],
      ['far', 130, 100],
      ['other cell', 100, 160],
    ]);
    expect(g.nodeAt({ x: 104, y: 100 })).toBe('near');
    expect(g.nodeAt({ x: 120, y: 100 }, 20)).toBe('far');
    expect(g.nodeAt({ x: 100, y: 140 }, 20)).toBe('other cell');
    expect(g.nodeAt({ x: 100, y: 130 }, 10)).toBeNull();
  });

  it('files nodes at negative places too', () => {
    const g = grid([['west', -1000, -33]]);
    expect(g.nodeAt({ x: -1000, y: -33 })).toBe('west');
    expect(g.nodeAt({ x: -990, y: -20 }, 10)).toBe('west');
  });
});
