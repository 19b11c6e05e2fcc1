import type { Point } from '../../shared/graph';

/** Side of a cell in model units: a node of the usual size sits in at most four cells. */
const CELL = 32;

const cellKey = (x: number, y: number) => x * 1_000_003 + y;

/**
 * Finds the node under a point among thousands drawn as a picture, without visiting them all:
 * each node is filed in the grid cells its box overlaps, and a lookup reads only the cells within
 * reach of the point.
 */
export class HitGrid {
  private readonly cells = new Map<number, number[]>();

  /** `radius`: half a node's side in model units. */
  constructor(
    private readonly ids: readonly string[],
    private readonly xs: Float64Array,
    private readonly ys: Float64Array,
    private readonly radius: number,
  ) {
    for (let i = 0; i < ids.length; i++) {
      for (let cx = cell(xs[i]! - radius); cx <= cell(xs[i]! + radius); cx++) {
        for (let cy = cell(ys[i]! - radius); cy <= cell(ys[i]! + radius); cy++) {
          const key = cellKey(cx, cy);
          const list = this.cells.get(key);
          if (list) list.push(i);
          else this.cells.set(key, [i]);
        }
      }
    }
  }

  /**
   * The node nearest to `at` whose centre is within its radius plus `slack` of it, or null. A node
   * that far away is filed in a cell within `slack` of the point, so those cells are the ones read:
   * at a small zoom a node is under a pixel wide, and a click a pixel off lands in the next cell.
   */
  nodeAt(at: Point, slack = 0): string | null {
    let best = -1;
    let bestDist = (this.radius + slack) ** 2;
    for (let cx = cell(at.x - slack); cx <= cell(at.x + slack); cx++) {
      for (let cy = cell(at.y - slack); cy <= cell(at.y + slack); cy++) {
        for (const i of this.cells.get(cellKey(cx, cy)) ?? []) {
          const d = (this.xs[i]! - at.x) ** 2 + (this.ys[i]! - at.y) ** 2;
          if (d <= bestDist) {
            best = i;
            bestDist = d;
          }
        }
      }
    }
    return best >= 0 ? this.ids[best]! : null;
  }
}

function cell(v: number): number {
  return Math.floor(v / CELL);
}
