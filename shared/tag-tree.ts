/**
 * The code system as a tree, from the flat tag list the API answers with. Pure: the renderer, the
 * CLI, the codebook and the dossier arrange tags the same way.
 */
export interface TreeTag {
  id: string;
  name: string;
  parentId: string | null;
  position: number;
}

/** One tag in reading order: its depth, its ancestors' names, its descendants. */
export interface TreeRow<T extends TreeTag> {
  tag: T;
  depth: number;
  /** "economic ▸ sanctions". */
  path: string;
  /** The ids of every descendant (children, their children…). */
  descendants: string[];
}

export const PATH_SEPARATOR = ' ▸ ';

const bySiblingOrder = (a: TreeTag, b: TreeTag) => a.position - b.position || a.name.localeCompare(b.name);

/**
 * Parents before their children, siblings in order (depth-first). A tag whose parent is not in the
 * list is shown at the top level, and a cycle a damaged file may hold is broken where it is met.
 */
export function tagTree<T extends TreeTag>(tags: readonly T[]): TreeRow<T>[] {
  const ids = new Set(tags.map((t) => t.id));
  const children = new Map<string | null, T[]>();
  for (const t of tags) {
    const parent = t.parentId !== null && ids.has(t.parentId) ? t.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), t]);
  }
  for (const list of children.values()) list.sort(bySiblingOrder);
  const rows: TreeRow<T>[] = [];
  const placed = new Set<string>();
  const visit = (tag: T, depth: number, path: string): string[] => {
    placed.add(tag.id);
    const row: TreeRow<T> = { tag, depth, path, descendants: [] };
    rows.push(row);
    for (const child of children.get(tag.id) ?? []) {
      if (placed.has(child.id)) continue;
      row.descendants.push(child.id, ...visit(child, depth + 1, `${path}${PATH_SEPARATOR}${child.name}`));
    }
    return row.descendants;
  };
  for (const top of children.get(null) ?? []) visit(top, 0, top.name);
  // Tags only reachable through a cycle: shown at the top level rather than lost.
  for (const t of [...tags].sort(bySiblingOrder)) if (!placed.has(t.id)) visit(t, 0, t.name);
  return rows;
}

/** `ids` and every descendant of them, each once: what a filter by a parent tag matches. */
export function withDescendants<T extends TreeTag>(tags: readonly T[], ids: readonly string[]): string[] {
  const rows = new Map(tagTree(tags).map((r) => [r.tag.id, r]));
  return [...new Set(ids.flatMap((id) => [id, ...(rows.get(id)?.descendants ?? [])]))];
}

/** The top-level ancestor of each tag (itself at the top level): what a roll-up counts it as. */
export function rootOf<T extends TreeTag>(tags: readonly T[]): Map<string, string> {
  const roots = new Map<string, string>();
  for (const row of tagTree(tags)) {
    if (row.depth === 0) for (const id of [row.tag.id, ...row.descendants]) roots.set(id, row.tag.id);
  }
  return roots;
}
