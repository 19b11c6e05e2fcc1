import type { Tag } from '../../shared/contract';
import { extraTagName, FLASH, highlightName, LAYERS, PENDING, SELECTED } from '../reader/highlights';

/** Translucent so overlapping claims (other tags, or other layers) blend and stay visible. */
function rgba(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/**
 * The ::highlight() rules for every tag. Colours come from the contract's #rrggbb check and ids are
 * UUIDs, so nothing user-typed reaches the stylesheet.
 */
export function TagStyles({ tags }: { tags: Tag[] }) {
  const rules: string[] = [];
  for (let layer = 0; layer < LAYERS; layer++) {
    for (const tag of tags) {
      rules.push(`::highlight(${highlightName(tag.id, layer)}) { background-color: ${rgba(tag.color, 0.3)}; }`);
    }
    rules.push(`::highlight(${highlightName(null, layer)}) { background-color: rgba(120, 120, 140, 0.25); }`);
  }
  for (const tag of tags) {
    rules.push(`::highlight(${extraTagName(tag.id)}) { text-decoration: underline wavy ${tag.color}; text-decoration-thickness: 2px; text-underline-offset: 4px; }`);
  }
  rules.push(`::highlight(${SELECTED}) { color: #0d2a66; background-color: rgba(47, 95, 179, 0.14); }`);
  rules.push(`::highlight(${FLASH}) { background-color: rgba(255, 200, 0, 0.75); color: #000; }`);
  rules.push(`::highlight(${PENDING}) { background-color: rgba(59, 125, 216, 0.35); }`);
  return <style>{rules.join('\n')}</style>;
}
