import { createElement, type ReactNode } from 'react';
import type { SvgNode } from '../../shared/timeline-figure';

/** SVG attribute names as React spells them: stroke-width → strokeWidth; aria-* and data-* stay. */
function propName(name: string): string {
  if (name === 'class') return 'className';
  if (name === 'tabindex') return 'tabIndex';
  if (name.startsWith('aria-') || name.startsWith('data-')) return name;
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Writes a figure of shared/timeline-figure.ts as React elements (text stays text: React escapes it). */
export function toReact(node: SvgNode, key?: number): ReactNode {
  const props: Record<string, unknown> = { key };
  for (const [k, v] of Object.entries(node.attrs)) props[propName(k)] = v;
  return createElement(node.tag, props, ...node.children.map((c, i) => (typeof c === 'string' ? c : toReact(c, i))));
}
