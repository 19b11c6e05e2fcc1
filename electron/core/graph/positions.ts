import type { GraphArrangement, GraphPosition } from '../../../shared/graph';
import { AppError } from '../errors';
import type { Project } from '../store/project';

/**
 * Where the analyst dragged the claim graph's nodes (migration 0012). Plain writes, not undo
 * steps: moving a node is layout, like widening a pane; Reset layout is its way back.
 */
export class GraphPositions {
  constructor(private readonly project: Project) {}

  list(arrangement: GraphArrangement): GraphPosition[] {
    const rows = this.project.database
      .prepare(
        `SELECT g.node_id AS nodeId, g.x, g.y FROM graph_positions g JOIN annotations a ON a.id = g.node_id
         WHERE g.arrangement = ? AND a.deleted_at IS NULL ORDER BY g.node_id`,
      )
      .all(arrangement) as GraphPosition[];
    return rows;
  }

  /** Keeps the places of the nodes just dragged; a node that is not a live claim refuses the whole call. */
  place(arrangement: GraphArrangement, positions: readonly GraphPosition[]): void {
    const db = this.project.database;
    const live = db.prepare('SELECT 1 FROM annotations WHERE id = ? AND deleted_at IS NULL');
    for (const p of positions) {
      if (!live.get(p.nodeId)) throw new AppError('not-found', 'A node of the graph is no longer a claim of this project (it may have been deleted); nothing was moved.');
    }
    this.project.write((now) => {
      const upsert = db.prepare(
        `INSERT INTO graph_positions (arrangement, node_id, x, y, modified_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (arrangement, node_id) DO UPDATE SET x = excluded.x, y = excluded.y, modified_at = excluded.modified_at`,
      );
      for (const p of positions) upsert.run(arrangement, p.nodeId, p.x, p.y, now);
    });
  }

  /** Forgets every dragged place of one arrangement: the seeded layout shows again. */
  reset(arrangement: GraphArrangement): number {
    return this.project.write(() => this.project.database.prepare('DELETE FROM graph_positions WHERE arrangement = ?').run(arrangement).changes);
  }
}
