/**
 * The codebook: the code system in reading order (parents before their children) with each code's
 * entry. One model, rendered as HTML, Markdown, CSV and DOCX by ./render.ts and ./docx.ts.
 */
import type { CodebookFormat, Tag } from '../../../shared/contract';
import type { DossierLanguage } from '../../../shared/dossier';
import { tagTree } from '../../../shared/tag-tree';

export type { CodebookFormat };

export interface CodebookEntry {
  id: string;
  name: string;
  /** "economic ▸ sanctions". */
  path: string;
  depth: number;
  color: string;
  /** Claims coded with the tag itself, and with it or any descendant. */
  claims: number;
  claimsWithin: number;
  definition: string;
  useWhen: string;
  avoidWhen: string;
  example: string;
}

export interface Codebook {
  project: string;
  language: DossierLanguage;
  generatedAt: string;
  entries: CodebookEntry[];
}

const LABELS = {
  en: {
    title: 'Codebook',
    definition: 'Definition',
    useWhen: 'When to use',
    avoidWhen: 'When not to use',
    example: 'Example',
    claims: (n: number) => `${n} ${n === 1 ? 'claim' : 'claims'}`,
    within: (n: number) => `${n} with subtags`,
    empty: 'No codes.',
    generated: 'Generated',
  },
  ru: {
    title: 'Кодовая книга',
    definition: 'Определение',
    useWhen: 'Когда применять',
    avoidWhen: 'Когда не применять',
    example: 'Пример',
    claims: (n: number) => `${n} ${ruPlural(n, 'утверждение', 'утверждения', 'утверждений')}`,
    within: (n: number) => `${n} с подтегами`,
    empty: 'Кодов нет.',
    generated: 'Создано',
  },
} as const;
export type CodebookLabels = (typeof LABELS)[DossierLanguage];

function ruPlural(n: number, one: string, few: string, many: string): string {
  const form = new Intl.PluralRules('ru').select(n);
  return form === 'one' ? one : form === 'few' ? few : many;
}

export function codebookLabels(language: DossierLanguage): CodebookLabels {
  return LABELS[language];
}

/**
 * `claimsWithin` counts distinct claims, so a claim coded with a parent and its child counts once;
 * `claimTags` gives each live claim's tag ids.
 */
export function buildCodebook(tags: readonly Tag[], claimTags: readonly (readonly string[])[], meta: { project: string; language: DossierLanguage; generatedAt: string }): Codebook {
  const rows = tagTree(tags);
  const entries = rows.map((row) => {
    const within = new Set([row.tag.id, ...row.descendants]);
    const t = row.tag;
    return {
      id: t.id,
      name: t.name,
      path: row.path,
      depth: row.depth,
      color: t.color,
      claims: t.claims,
      claimsWithin: claimTags.filter((ids) => ids.some((id) => within.has(id))).length,
      definition: t.definition,
      useWhen: t.useWhen,
      avoidWhen: t.avoidWhen,
      example: t.example,
    };
  });
  return { ...meta, entries };
}

/** The entry's filled fields with their labels, in codebook order. */
export function fieldsOf(e: CodebookEntry, l: CodebookLabels): { label: string; text: string }[] {
  return [
    { label: l.definition, text: e.definition },
    { label: l.useWhen, text: e.useWhen },
    { label: l.avoidWhen, text: e.avoidWhen },
    { label: l.example, text: e.example },
  ].filter((f) => f.text.trim() !== '');
}

/** "12 claims" or "12 claims · 15 with subtags". */
export function countsOf(e: CodebookEntry, l: CodebookLabels): string {
  return e.claimsWithin !== e.claims ? `${l.claims(e.claims)} · ${l.within(e.claimsWithin)}` : l.claims(e.claims);
}
