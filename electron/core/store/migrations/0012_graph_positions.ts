/**
 * Schema 12: where the analyst dragged the claim graph's nodes. A position is kept per arrangement
 * (by document, by cluster, by an attribute), since the same claim sits elsewhere in each. Dragging
 * is layout, like pane widths: it is not journaled for undo (the view's Reset layout clears it)
 * and not shared with colleagues. Rows of a deleted claim stay harmless: the graph shows live
 * claims only.
 */
export const sql = `
CREATE TABLE graph_positions (
  arrangement TEXT NOT NULL CHECK (length(arrangement) BETWEEN 1 AND 80),
  node_id TEXT NOT NULL REFERENCES annotations (id),
  x REAL NOT NULL,
  y REAL NOT NULL,
  modified_at TEXT NOT NULL,
  PRIMARY KEY (arrangement, node_id)
) STRICT, WITHOUT ROWID;
`;
