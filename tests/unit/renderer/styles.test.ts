import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A rule left open in the stylesheet swallows every rule after it, and browsers report nothing:
 * the panes stopped scrolling and the graph had no height when a merge dropped one closing brace.
 */
function openRulesAfter(css: string): { depth: number; line: number } {
  let depth = 0;
  let line = 1;
  for (let i = 0; i < css.length; i++) {
    const c = css[i]!;
    if (c === '\n') line++;
    else if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      if (end < 0) return { depth: -1, line };
      for (const ch of css.slice(i, end)) if (ch === '\n') line++;
      i = end + 1;
    } else if (c === '"' || c === "'") {
      const end = css.indexOf(c, i + 1);
      if (end < 0) return { depth: -1, line };
      i = end;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return { depth, line };
  }
  return { depth, line };
}

describe('the stylesheet', () => {
  it('a rule left open by a merge never swallows the rules after it: every brace closes', () => {
    const css = fs.readFileSync(path.resolve(__dirname, '../../../renderer/styles.css'), 'utf8');
    expect(openRulesAfter(css).depth).toBe(0);
    // The check itself sees a rule left open, and a brace closed twice.
    expect(openRulesAfter('.a {\n  margin: 0;\n.b { color: red; }').depth).toBe(1);
    expect(openRulesAfter('.a { margin: 0; } }').depth).toBe(-1);
    expect(openRulesAfter('.a { content: "}"; } /* { */').depth).toBe(0);
  });
});
