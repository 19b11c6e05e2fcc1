/**
 * Where a keyboard move or a drop puts a tag in the code system, as the `tags.move` input
 * (a parent and an index among its new siblings). Pure, so the sidebar tree and the Tags dialog agree.
 */
import type { Tag } from '../../shared/contract';
import { tagTree, type TreeRow } from '../../shared/tag-tree';

export type TreeMove = 'up' | 'down' | 'in' | 'out';
export interface MoveTarget {
  parentId: string | null;
  index: number;
}

function siblingsOf(tags: readonly Tag[], parentId: string | null): Tag[] {
  return tagTree(tags)
    .map((r) => r.tag)
    .filter((t) => t.parentId === parentId || (parentId === null && !tags.some((o) => o.id === t.parentId)));
}

/** Alt+↑/↓ swap with the sibling above/below; Alt+→ nests under the sibling above (last child); Alt+← puts it after its parent. */
export function keyboardMove(tags: readonly Tag[], id: string, move: TreeMove): MoveTarget | null {
  const tag = tags.find((t) => t.id === id);
  if (!tag) return null;
  const parentId = tags.some((t) => t.id === tag.parentId) ? tag.parentId : null;
  const siblings = siblingsOf(tags, parentId);
  const at = siblings.findIndex((s) => s.id === id);
  switch (move) {
    case 'up':
      return at > 0 ? { parentId, index: at - 1 } : null;
    case 'down':
      return at < siblings.length - 1 ? { parentId, index: at + 1 } : null;
    case 'in': {
      const above = siblings[at - 1];
      return above ? { parentId: above.id, index: siblingsOf(tags, above.id).length } : null;
    }
    case 'out': {
      if (parentId === null) return null;
      const parent = tags.find((t) => t.id === parentId)!;
      const grand = tags.some((t) => t.id === parent.parentId) ? parent.parentId : null;
      const uncles = siblingsOf(tags, grand);
      return { parentId: grand, index: uncles.findIndex((u) => u.id === parent.id) + 1 };
    }
  }
}

/**
 * A drop of `id` on `target`: on its middle it nests there (last child); on its top or bottom
 * edge it goes before or after it among the target's siblings. Null when the drop would make the
 * tag its own ancestor (the backend refuses that too).
 */
export function dropMove(rows: readonly TreeRow<Tag>[], id: string, targetId: string, zone: 'before' | 'inside' | 'after'): MoveTarget | null {
  const dragged = rows.find((r) => r.tag.id === id);
  const target = rows.find((r) => r.tag.id === targetId);
  if (!dragged || !target || id === targetId || dragged.descendants.includes(targetId)) return null;
  if (zone === 'inside') return { parentId: targetId, index: rows.filter((r) => r.tag.parentId === targetId && r.tag.id !== id).length };
  const parentId = target.depth === 0 ? null : target.tag.parentId;
  const siblings = rows.filter((r) => (parentId === null ? r.depth === 0 : r.tag.parentId === parentId) && r.tag.id !== id);
  const at = siblings.findIndex((s) => s.tag.id === targetId);
  return { parentId, index: zone === 'before' ? at : at + 1 };
}
