/**
 * The app's one stylesheet is appended to by every feature and merged often. A rule left open
 * turns every rule after it into a nested rule of that one (CSS nesting), which matches nothing:
 * the claim graph's canvas then had no height and cytoscape drew its thousands of elements into
 * nothing, with every click missing its node.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CSS = fs.readFileSync(path.join(__dirname, '../../../renderer/styles.css'), 'utf8');

/** Each rule's selector (the text before its `{`) with the nesting depth it opens at; comments and strings skipped. */
function rulesWithDepth(css: string): { selector: string; depth: number }[] {
  const out: { selector: string; depth: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    const ch = css[i]!;
    if (ch === '/' && css[i + 1] === '*') {
      i = css.indexOf('*/', i + 2) + 1;
      start = i + 1;
    } else if (ch === '"' || ch === "'") {
      i = css.indexOf(ch, i + 1);
    } else if (ch === '{') {
      out.push({ selector: css.slice(start, i).trim(), depth });
      depth++;
      start = i + 1;
    } else if (ch === '}') {
      depth--;
      if (depth < 0) throw new Error(`a } closes nothing at offset ${i}`);
      start = i + 1;
    } else if (ch === ';') {
      start = i + 1;
    }
  }
  if (depth !== 0) throw new Error(`${depth} rule(s) left open at the end of the stylesheet`);
  return out;
}

describe('the stylesheet', () => {
  it('leaves no rule open, so no feature’s rules end up nested inside another’s', () => {
    expect(() => rulesWithDepth(CSS)).not.toThrow();
  });

  it('gives the graph canvas its room at the top level, so cytoscape has a box to draw in', () => {
    const rules = rulesWithDepth(CSS);
    for (const selector of ['.graph-view', '.graph-canvas']) {
      const rule = rules.find((r) => r.selector === selector);
      expect(rule, selector).toBeDefined();
      expect(rule!.depth, selector).toBe(0);
    }
  });
});
