import type { Link, RelationType } from '../../shared/contract';
import type { Translate } from '../i18n/I18n';
import type { MessageKey } from '../i18n/en';

/**
 * The words each built-in relation is stored with when a project is made. Stored names stay
 * English (colleagues' files and the dossier's English wording read them); while a built-in keeps
 * them, the UI shows its translated label instead. Once the analyst renames it, their words win.
 */
const BUILTIN: Record<string, { name: string; inverseName: string; label: MessageKey; inverseLabel: MessageKey }> = {
  supports: { name: 'supports', inverseName: 'is supported by', label: 'relation.supports', inverseLabel: 'relation.supports.inverse' },
  contradicts: { name: 'contradicts', inverseName: 'contradicts', label: 'relation.contradicts', inverseLabel: 'relation.contradicts' },
  elaborates: { name: 'elaborates', inverseName: 'is elaborated by', label: 'relation.elaborates', inverseLabel: 'relation.elaborates.inverse' },
  'same-claim': { name: 'same claim', inverseName: 'same claim', label: 'relation.sameClaim', inverseLabel: 'relation.sameClaim' },
};

/** A relation's two readings as the UI shows them: translated for an untouched built-in, the stored words otherwise. */
export function relationNames(rel: RelationType, t: Translate): { name: string; inverseName: string } {
  const builtin = rel.builtin ? BUILTIN[rel.builtin] : undefined;
  return {
    name: builtin && rel.name === builtin.name ? t(builtin.label) : rel.name,
    inverseName: builtin && rel.inverseName === builtin.inverseName ? t(builtin.inverseLabel) : rel.inverseName,
  };
}

/** How a link reads from one of its ends: "supports" from the source, "is supported by" from the target. */
export function relationLabel(link: Link, fromSide: string, relations: readonly RelationType[], t: Translate): string {
  const rel = relations.find((r) => r.id === link.relationId);
  if (!rel) return '?';
  const names = relationNames(rel, t);
  return link.fromId === fromSide || rel.symmetric ? names.name : names.inverseName;
}

/** The other end of a link, seen from `claimId`. */
export const counterpart = (link: Link, claimId: string) => (link.fromId === claimId ? link.toId : link.fromId);
