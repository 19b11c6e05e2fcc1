/**
 * The colour a link is drawn in, by its relation. Relations store no colour of their own, so the
 * built-in ones have fixed colours people learn (support green, contradiction red…) and a user's
 * own relation takes one from a palette chosen by its id: the same type keeps its colour across
 * sessions and machines, and two types rarely share one.
 */
import type { RelationType } from './contract';

export const BUILTIN_RELATION_COLORS: Readonly<Record<string, string>> = {
  supports: '#2f9e44',
  contradicts: '#e03131',
  elaborates: '#1c7ed6',
  'same-claim': '#7048e8',
};

/** Distinct from the built-in colours and readable as a thin line on white. */
const USER_PALETTE = ['#e8590c', '#0c8599', '#c2255c', '#5c940d', '#862e9c', '#d9480f', '#1864ab', '#a61e4d'] as const;

export function relationColor(relation: Pick<RelationType, 'id' | 'builtin'> | undefined): string {
  if (!relation) return '#868e96';
  const builtin = relation.builtin ? BUILTIN_RELATION_COLORS[relation.builtin] : undefined;
  if (builtin) return builtin;
  let hash = 0;
  for (let i = 0; i < relation.id.length; i++) hash = (hash * 31 + relation.id.charCodeAt(i)) >>> 0;
  return USER_PALETTE[hash % USER_PALETTE.length]!;
}

/** A one-way relation ("supports") is drawn with an arrow towards the link's target; a symmetric one is not. */
export const relationIsDirected = (relation: Pick<RelationType, 'symmetric'> | undefined): boolean => relation ? !relation.symmetric : false;
