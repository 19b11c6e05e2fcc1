import type { Link, RelationType } from '../../shared/contract';

/** How a link reads from one of its ends: "supports" from the source, "is supported by" from the target. */
export function relationLabel(link: Link, fromSide: string, relations: readonly RelationType[]): string {
  const rel = relations.find((r) => r.id === link.relationId);
  if (!rel) return '?';
  return link.fromId === fromSide || rel.symmetric ? rel.name : rel.inverseName;
}

/** The other end of a link, seen from `claimId`. */
export const counterpart = (link: Link, claimId: string) => (link.fromId === claimId ? link.toId : link.fromId);
