/**
 * Lookups every renderer needs over a dossier: claims and sources by id, citation lines, and rich
 * text with every link target checked again (a dossier may come from a JSON file, not our builder).
 */
import type { Dossier, DossierClaim, DossierSource } from '../../../shared/dossier';
import { safeHref, type RichBlock, type RichInline } from '../../../shared/richtext';
import { citationText, fill, formatDay, labelsFor, type Labels } from './labels';

export interface DossierView {
  d: Dossier;
  l: Labels;
  /** The cover's scope, one phrase each: sources, their date range, undated ones, claims and links. */
  scope: string[];
  claim(id: string): DossierClaim | undefined;
  source(id: string): DossierSource | undefined;
  cite(c: DossierClaim | { citation: DossierClaim['citation'] }): string;
  sourceName(s: DossierSource): string;
}

export function viewOf(d: Dossier): DossierView {
  const l = labelsFor(d.language);
  const claims = new Map(d.claims.map((c) => [c.id, c]));
  const sources = new Map(d.sources.map((s) => [s.id, s]));
  const s = d.scope;
  const scope = [
    fill(l.scopeSources, { n: s.sources }),
    s.dateFrom ? fill(l.scopeDates, { from: formatDay(s.dateFrom, l), to: formatDay(s.dateTo, l) }) : '',
    s.undated > 0 ? fill(l.scopeUndated, { n: s.undated }) : '',
    fill(l.scopeClaims, { n: s.claims, links: s.links }),
  ].filter(Boolean);
  return {
    d,
    l,
    scope,
    claim: (id) => claims.get(id),
    source: (id) => sources.get(id),
    cite: (c) => citationText(c.citation, l),
    sourceName: (s) => s.outlet || s.title,
  };
}

/** The same blocks with every link target re-checked: only http(s) and mailto survive. */
export function safeBlocks(blocks: readonly RichBlock[]): RichBlock[] {
  const inl = (xs: readonly RichInline[]): RichInline[] => xs.map((i) => (i.kind === 'link' ? { ...i, href: safeHref(i.href) } : i));
  return blocks.map((b): RichBlock => {
    if (b.kind === 'list') return { ...b, items: b.items.map((it) => ({ inlines: inl(it.inlines), children: safeBlocks(it.children) })) };
    return { ...b, inlines: inl(b.inlines) };
  });
}

/** A tag colour, or a neutral grey when the value is not a plain #rrggbb (it goes into CSS). */
export function safeColor(color: string | undefined): string {
  return color && /^#[0-9a-fA-F]{6}$/.test(color) ? color : '#8a8f98';
}

/** A source's attribute values on one line ("expert's country: Azerbaijan; source reliability: B"). */
export function attributeText(s: DossierSource): string {
  return s.attributes.map((a) => `${a.name}: ${a.value}`).join('; ');
}
