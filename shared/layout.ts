/**
 * The reading layout as proportions: helpers that keep the panes' shares adding up to 1, and the
 * one step that restores any saved layout — today's, or an older one whose pane sizes were pixels
 * or free weights — to today's form.
 */
import { z } from 'zod';
import { Layout, type PaneLayout } from './contract';

export const EMPTY_LAYOUT: Layout = { panes: [], sidebar: true, inspector: true, view: null, connectors: true, followLinks: false };

/** Scales positive weights to shares that add up to 1 (4 decimals; the last share takes the rounding). */
export function toShares(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  if (!(total > 0) || !Number.isFinite(total)) return weights.map(() => 1 / weights.length);
  const shares = weights.map((w) => Math.max(0.0001, Math.round((w / total) * 10_000) / 10_000));
  const rest = 1 - shares.slice(0, -1).reduce((a, b) => a + b, 0);
  shares[shares.length - 1] = Math.max(0.0001, Math.round(rest * 10_000) / 10_000);
  return shares;
}

function withShares(panes: readonly (Omit<PaneLayout, 'share'> & { weight: number })[]): PaneLayout[] {
  const shares = toShares(panes.map((p) => p.weight));
  return panes.map(({ weight: _weight, ...p }, i) => ({ ...p, share: shares[i]! }));
}

/** Opens a document as one more pane with an equal share; the others give up width in proportion. */
export function addPane(layout: Layout, documentId: string): Layout {
  if (layout.panes.some((p) => p.documentId === documentId)) return layout;
  const n = layout.panes.length;
  const panes = [...layout.panes.map((p) => ({ ...p, weight: p.share * n })), { documentId, scroll: 0, weight: 1 }];
  return { ...layout, panes: withShares(panes) };
}

/** Closes panes; the rest share the row in their old proportions. */
export function keepPanes(layout: Layout, keep: (p: PaneLayout) => boolean): Layout {
  const panes = layout.panes.filter(keep);
  if (panes.length === layout.panes.length) return layout;
  return { ...layout, panes: withShares(panes.map((p) => ({ ...p, weight: p.share }))) };
}

/** Gives the panes new widths, as weights of any scale. */
export function resizePanes(layout: Layout, weights: readonly number[]): Layout {
  return { ...layout, panes: withShares(layout.panes.map((p, i) => ({ ...p, weight: weights[i] ?? p.share }))) };
}

/** Panes as saved before shares: `size` was a width in pixels or a free weight. */
const SavedPane = z.object({
  documentId: z.uuid(),
  size: z.number().positive().finite(),
  scroll: z.number().min(0).max(1).default(0),
});
const SavedLayout = z.object({
  panes: z.array(SavedPane).max(12),
  sidebar: z.boolean().default(true),
});

/**
 * Today's layout from whatever was saved: a current layout as it is (shares put right if they
 * drifted), an older one converted to shares; null when it is neither.
 */
export function restoreLayout(json: unknown): Layout | null {
  const current = Layout.safeParse(json);
  if (current.success) return { ...current.data, panes: withShares(current.data.panes.map((p) => ({ ...p, weight: p.share }))) };
  const saved = SavedLayout.safeParse(json);
  if (!saved.success) return null;
  return {
    sidebar: saved.data.sidebar,
    inspector: true,
    view: null,
    connectors: true,
    followLinks: false,
    panes: withShares(saved.data.panes.map((p) => ({ documentId: p.documentId, scroll: p.scroll, weight: p.size }))),
  };
}
