/**
 * Headings and labels of an exported dossier, in the two languages a dossier can be written in.
 * These are the document's own words (not the app's UI strings), so they live with the exporter.
 */
import type { DossierLanguage, DossierMemo } from '../../../shared/dossier';

const en = {
  dossier: 'Dossier',
  preparedBy: 'Analyst',
  date: 'Date',
  project: 'Project',
  scope: 'Scope',
  scopeSources: '{n} sources',
  scopeDates: 'dated {from} – {to}',
  scopeUndated: '{n} undated',
  scopeClaims: '{n} claims, {links} links',
  scopeTags: 'Tags',
  summary: 'Summary',
  noSummary: 'No summary was written.',
  memos: 'Memos',
  memoProject: 'Project memo',
  memoDocument: 'On the source «{name}»',
  memoTag: 'On the tag «{name}»',
  contents: 'Contents',
  sources: 'Sources',
  findings: 'Findings',
  crossSource: 'Cross-source view',
  matrix: 'Tags × sources',
  untagged: 'Untagged',
  colNumber: '#',
  colTitle: 'Title',
  colOutlet: 'Outlet',
  colAuthor: 'Author / speaker',
  colDate: 'Date',
  colLanguage: 'Language',
  colWords: 'Words',
  colHash: 'Content hash (SHA-256)',
  colAttributes: 'Attributes',
  grade: 'Grade',
  colClaims: 'Claims',
  colTag: 'Tag',
  total: 'Total',
  allClaims: 'All claims (each once)',
  note: 'Note',
  otherTags: 'Also tagged',
  links: 'Links',
  noClaims: 'No claims under this tag.',
  noGroups: 'No claims are linked as the same claim, as support or as contradiction.',
  group: 'Group {n}',
  agree: 'Agree',
  contradict: 'Contradict',
  noContradiction: 'No source contradicts this group.',
  noDate: 'no date',
  claim: 'Claim',
  page: 'Page',
  paragraph: '¶',
  pageShort: 'p.',
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  cluster: 'Cluster {n}',
  supportSources: 'Support',
  timeline: 'Timeline of the clusters: who said it first, who repeated or contradicted it later',
  timelineFirst: 'said first',
  timelineRepeat: 'repeated later',
  timelineContradicts: 'contradicts',
  relations: {
    supports: ['supports', 'is supported by'],
    contradicts: ['contradicts', 'contradicts'],
    elaborates: ['elaborates', 'is elaborated by'],
    'same-claim': ['same claim', 'same claim'],
  } as Record<string, readonly [string, string]>,
  graphFigure: 'Claim graph',
  graphCaption: 'Claims as dots in their first tag’s colour, grouped by source; lines are links in their type’s colour, arrows point from a claim to the one it supports, contradicts or elaborates.',
};

export type Labels = typeof en;

const ru: Labels = {
  dossier: 'Досье',
  preparedBy: 'Аналитик',
  date: 'Дата',
  project: 'Проект',
  scope: 'Охват',
  scopeSources: 'источников: {n}',
  scopeDates: 'даты {from} – {to}',
  scopeUndated: 'без даты: {n}',
  scopeClaims: 'утверждений: {n}, связей: {links}',
  scopeTags: 'Теги',
  summary: 'Резюме',
  noSummary: 'Резюме не написано.',
  memos: 'Мемо',
  memoProject: 'Мемо проекта',
  memoDocument: 'К источнику «{name}»',
  memoTag: 'К тегу «{name}»',
  contents: 'Содержание',
  sources: 'Источники',
  findings: 'Выводы',
  crossSource: 'Сопоставление источников',
  matrix: 'Теги × источники',
  untagged: 'Без тега',
  colNumber: '№',
  colTitle: 'Название',
  colOutlet: 'Издание',
  colAuthor: 'Автор / спикер',
  colDate: 'Дата',
  colLanguage: 'Язык',
  colWords: 'Слов',
  colHash: 'Хеш содержимого (SHA-256)',
  colAttributes: 'Атрибуты',
  grade: 'Оценка',
  colClaims: 'Утверждений',
  colTag: 'Тег',
  total: 'Всего',
  allClaims: 'Все утверждения (каждое один раз)',
  note: 'Заметка',
  otherTags: 'Другие теги',
  links: 'Связи',
  noClaims: 'Под этим тегом нет утверждений.',
  noGroups: 'Нет утверждений, связанных как одно и то же, как подтверждение или как противоречие.',
  group: 'Группа {n}',
  agree: 'Согласны',
  contradict: 'Противоречат',
  noContradiction: 'Ни один источник не противоречит этой группе.',
  noDate: 'без даты',
  claim: 'Утверждение',
  page: 'Стр.',
  paragraph: '¶',
  pageShort: 'с.',
  months: ['янв.', 'февр.', 'марта', 'апр.', 'мая', 'июня', 'июля', 'авг.', 'сент.', 'окт.', 'нояб.', 'дек.'],
  cluster: 'Кластер {n}',
  supportSources: 'Подтверждают',
  timeline: 'Хронология кластеров: кто сказал первым, кто повторил или возразил позже',
  timelineFirst: 'сказано первым',
  timelineRepeat: 'повторено позже',
  timelineContradicts: 'противоречит',
  relations: {
    supports: ['подтверждает', 'подтверждается'],
    contradicts: ['противоречит', 'противоречит'],
    elaborates: ['развивает', 'развивается в'],
    'same-claim': ['то же утверждение', 'то же утверждение'],
  },
  graphFigure: 'Граф утверждений',
  graphCaption: 'Утверждения — точки цвета их первого тега, сгруппированные по источникам; линии — связи цвета их типа, стрелка идёт от утверждения к тому, которое оно подтверждает, опровергает или развивает.',
};

export function labelsFor(language: DossierLanguage): Labels {
  return language === 'ru' ? ru : en;
}

/** Fills {name} placeholders. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** "7 Nov 2025" / "7 нояб. 2025"; a date of only a month is not stored, so every date has a day. */
export function formatDay(day: string | null, l: Labels): string {
  if (!day) return l.noDate;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${d} ${l.months[m - 1] ?? ''} ${y}`;
}

/** "Caravan.kz, 7 Nov 2025, ¶14": the outlet (or title when there is none), date and paragraph. */
export function citationText(c: { outlet: string; title: string; date: string | null; paragraph: number; page?: number }, l: Labels): string {
  const page = c.page ? `${l.pageShort} ${c.page}, ` : '';
  return `${c.outlet || c.title}, ${formatDay(c.date, l)}, ${page}${l.paragraph}${c.paragraph}`;
}

/** A memo's heading: "Project memo", "On the source «…»", "On the tag «…»". */
export function memoTitle(m: DossierMemo, l: Labels): string {
  if (m.kind === 'project') return l.memoProject;
  return fill(m.kind === 'document' ? l.memoDocument : l.memoTag, { name: m.owner });
}

/** "Analyst, 7 Nov 2025": who last wrote a memo, and when. */
export function memoByline(m: DossierMemo, l: Labels): string {
  return [m.author, formatDay(m.modified.slice(0, 10), l)].filter(Boolean).join(', ');
}

export function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase() + s.slice(1);
}
