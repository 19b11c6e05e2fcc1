export type Arrow = 'left' | 'right' | 'up' | 'down';

const DIRECTION: Record<Arrow, { x: number; y: number }> = {
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
  up: { x: 0, y: -1 },
  down: { x: 0, y: 1 },
};

/**
 * The neighbour an arrow key moves to: among the linked nodes, the one lying most in the arrow's
 * direction (within 90° of it), the nearer one when two are as well placed. None when no
 * neighbour lies that way, so the ring stays put rather than jumping somewhere unexpected.
 */
export function nextNeighbour(
  from: string,
  arrow: Arrow,
  neighbours: ReadonlySet<string>,
  at: (id: string) => { x: number; y: number },
): string | null {
  const d = DIRECTION[arrow];
  const o = at(from);
  let best: string | null = null;
  let bestScore = -Infinity;
  for (const id of neighbours) {
    const p = at(id);
    const dx = p.x - o.x;
    const dy = p.y - o.y;
    const len = Math.hypot(dx, dy);
    if (len === 0) continue;
    const along = (dx * d.x + dy * d.y) / len;
    if (along <= 0) continue;
    const score = along * 1000 - len / 1000;
    if (score > bestScore) {
      bestScore = score;
      best = id;
    }
  }
  return best;
}
