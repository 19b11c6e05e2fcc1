/**
 * Fills a message template. `{name}` inserts a value; `{name, plural, one {…} few {…} many {…}
 * other {…}}` picks the branch for the number by the language's own plural rules (Intl.PluralRules),
 * so Russian gets «1 связь, 2 связи, 5 связей» and English «1 link, 2 links». Inside a branch `#`
 * stands for the number. Branches may hold further `{name}` placeholders but not nested plurals.
 */
const rulesCache = new Map<string, Intl.PluralRules>();

function pluralRules(language: string): Intl.PluralRules {
  let rules = rulesCache.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    rulesCache.set(language, rules);
  }
  return rules;
}

/** Finds the index just past the `}` that closes the `{` at `open`. */
function closing(template: string, open: number): number {
  let depth = 0;
  for (let i = open; i < template.length; i++) {
    if (template[i] === '{') depth++;
    else if (template[i] === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

function pluralBranches(body: string): Map<string, string> {
  const branches = new Map<string, string>();
  const re = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/y;
  let at = 0;
  while (at < body.length) {
    re.lastIndex = at;
    const m = re.exec(body);
    if (!m) break;
    const open = re.lastIndex - 1;
    const end = closing(body, open);
    if (end < 0) break;
    branches.set(m[1]!, body.slice(open + 1, end - 1));
    at = end;
  }
  return branches;
}

function fillSimple(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export function formatMessage(language: string, template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  let out = '';
  let at = 0;
  const plural = /\{(\w+),\s*plural,/g;
  for (let m = plural.exec(template); m; m = plural.exec(template)) {
    const end = closing(template, m.index);
    if (end < 0) break;
    const value = Number(vars[m[1]!]);
    const branches = pluralBranches(template.slice(m.index + m[0].length, end - 1));
    const chosen = branches.get(`=${value}`) ?? branches.get(pluralRules(language).select(value)) ?? branches.get('other') ?? '';
    out += fillSimple(template.slice(at, m.index), vars) + fillSimple(chosen.replace(/#/g, String(vars[m[1]!])), vars);
    at = end;
    plural.lastIndex = end;
  }
  return out + fillSimple(template.slice(at), vars);
}
