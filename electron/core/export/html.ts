/**
 * The dossier as one self-contained HTML file: inline CSS, no scripts, no external requests (the
 * CSP forbids them even if something slipped through), printable with page numbers. Every piece
 * of text from documents, notes and colleagues goes through escapeHtml or the rich-text renderer.
 */
import type { CrossGroup, Dossier, DossierClaim, FindingSection } from '../../../shared/dossier';
import { escapeHtml as esc, richTextToHtml } from '../../../shared/richtext';
import { capitalize, fill, formatDay, memoByline, memoTitle } from './labels';
import { htmlGraphSection, timelineSvgOf } from './figures';
import { DOSSIER_CSS } from './style';
import { assessmentHtml } from '../hypotheses/dossier';
import { attributeText, safeBlocks, safeColor, viewOf, type DossierView } from './view';

export const DOSSIER_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function renderHtml(d: Dossier): string {
  const v = viewOf(d);
  const body = [cover(v), memos(v), contents(v), sources(v), findings(v), crossSource(v), htmlGraphSection(d, v.l), matrix(v), assessmentHtml(d, v.l), colophon(v)].join('\n');
  return `<!DOCTYPE html>
<html lang="${d.language === 'ru' ? 'ru' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${DOSSIER_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${esc(d.generator)}">
<title>${esc(d.cover.title)}</title>
<style>${DOSSIER_CSS}
@page { @top-left { content: ${cssString(d.cover.title)}; } }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** A CSS string literal: every character outside a safe set is written as a hex escape. */
function cssString(text: string): string {
  const escaped = [...text.slice(0, 120)].map((ch) => (/[\p{L}\p{N} ,.\-–—]/u.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `)).join('');
  return `"${escaped}"`;
}

function cover(v: DossierView): string {
  const { d, l } = v;
  const s = d.scope;
  const scope = v.scope;
  const tags = [...s.tags, ...(s.untagged ? [l.untagged] : [])];
  const summary = d.cover.summary ? richTextToHtml(safeBlocks(d.cover.summary.blocks)) : `<p class="muted">${esc(l.noSummary)}</p>`;
  return `<header class="cover">
<p class="kicker">${esc(l.dossier)}</p>
<h1>${esc(d.cover.title)}</h1>
<dl class="facts">
<dt>${esc(l.preparedBy)}</dt><dd>${esc(d.cover.analyst) || '—'}</dd>
<dt>${esc(l.date)}</dt><dd>${esc(formatDay(d.cover.date, l))}</dd>
<dt>${esc(l.project)}</dt><dd>${esc(d.cover.project)}</dd>
<dt>${esc(l.scope)}</dt><dd>${scope.map(esc).join(' · ')}</dd>
<dt>${esc(l.scopeTags)}</dt><dd>${tags.map((t) => esc(t)).join(', ') || '—'}</dd>
</dl>
<section class="summary" aria-labelledby="summary"><h2 id="summary">${esc(l.summary)}</h2>${summary}</section>
</header>`;
}

function memos(v: DossierView): string {
  const { d, l } = v;
  if (d.memos.length === 0) return '';
  const items = d.memos.map(
    (m) => `<article class="memo"><h3>${esc(memoTitle(m, l))}</h3><p class="muted">${esc(memoByline(m, l))}</p>${richTextToHtml(safeBlocks(m.body.blocks))}</article>`,
  );
  return `<section class="memos" aria-labelledby="memos"><h2 id="memos">${esc(l.memos)}</h2>
${items.join('\n')}
</section>`;
}

function contents(v: DossierView): string {
  const { l, d } = v;
  const sub = d.findings.map((f, i) => `<li><a href="#finding-${i + 1}">${esc(f.tag?.path ?? f.tag?.name ?? l.untagged)}</a> <span class="count">${f.claimIds.length}</span></li>`);
  return `<nav class="contents" aria-labelledby="contents"><h2 id="contents">${esc(l.contents)}</h2><ol>
<li><a href="#sources">${esc(l.sources)}</a></li>
<li><a href="#findings">${esc(l.findings)}</a><ol>${sub.join('')}</ol></li>
<li><a href="#cross">${esc(l.crossSource)}</a></li>
<li><a href="#matrix">${esc(l.matrix)}</a></li>
</ol></nav>`;
}

function sources(v: DossierView): string {
  const { d, l } = v;
  const withAttributes = d.sources.some((s) => s.attributes.length > 0);
  const rows = d.sources.map(
    (s) => `<tr id="src-${s.number}"><td class="num">${s.number}</td><td><strong>${esc(s.title)}</strong></td><td>${esc(s.outlet)}</td><td>${esc(s.author)}</td><td class="nowrap">${esc(formatDay(s.date, l))}</td><td>${esc(s.language)}</td><td class="num">${s.words}</td><td class="num">${s.claims}</td>${withAttributes ? `<td>${esc(attributeText(s))}</td>` : ''}<td class="hash">${esc(s.hash)}</td></tr>`,
  );
  return `<section class="sources" aria-labelledby="sources"><h2 id="sources">${esc(l.sources)}</h2>
<table><thead><tr><th class="num">${esc(l.colNumber)}</th><th>${esc(l.colTitle)}</th><th>${esc(l.colOutlet)}</th><th>${esc(l.colAuthor)}</th><th>${esc(l.colDate)}</th><th>${esc(l.colLanguage)}</th><th class="num">${esc(l.colWords)}</th><th class="num">${esc(l.colClaims)}</th>${withAttributes ? `<th>${esc(l.colAttributes)}</th>` : ''}<th>${esc(l.colHash)}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></section>`;
}

function findings(v: DossierView): string {
  const seen = new Set<string>();
  const sections = v.d.findings.map((f, i) => finding(v, f, i + 1, seen));
  return `<section class="findings" aria-labelledby="findings"><h2 id="findings">${esc(v.l.findings)}</h2>${sections.join('\n')}</section>`;
}

function finding(v: DossierView, f: FindingSection, n: number, seen: Set<string>): string {
  const name = f.tag?.path ?? f.tag?.name ?? v.l.untagged;
  const claims = f.claimIds.map((id) => v.claim(id)).filter((c): c is DossierClaim => c !== undefined);
  const items = claims.length > 0 ? claims.map((c) => claim(v, c, f, seen)).join('\n') : `<p class="muted">${esc(v.l.noClaims)}</p>`;
  return `<section class="finding" aria-labelledby="finding-${n}"><h3 id="finding-${n}"><span class="swatch" style="background:${safeColor(f.tag?.color)}"></span>${esc(name)} <span class="count">${claims.length}</span></h3>
${f.tag?.definition ? `<p class="muted definition">${esc(f.tag.definition)}</p>\n` : ''}${items}</section>`;
}

function claim(v: DossierView, c: DossierClaim, section: FindingSection, seen: Set<string>): string {
  const { l } = v;
  // A claim under several tags appears in each section; the first appearance carries its anchor.
  const id = seen.has(c.id) ? '' : ` id="claim-${c.number}"`;
  seen.add(c.id);
  const source = v.source(c.citation.sourceId);
  const others = c.tags.filter((t) => t !== section.tag?.name);
  const links = c.links.map((k) => {
    const target = k.counterpartNumber !== null ? `<a href="#claim-${k.counterpartNumber}">«${esc(k.quote)}»</a>` : `«${esc(k.quote)}»`;
    const note = k.note ? ` <span class="link-note">(${esc(k.note)})</span>` : '';
    return `<li><span class="rel rel-${esc(k.kind ?? 'custom')}">${esc(capitalize(k.relation))}:</span> ${esc(v.cite(k))} — ${target}${note}</li>`;
  });
  return `<article class="claim"${id}>
<blockquote><a class="quote" href="#src-${source?.number ?? 0}">«${esc(c.quote)}»</a></blockquote>
<p class="cite"><span class="claim-no">${esc(l.claim)} ${c.number}</span> · ${esc(v.cite(c))}${c.grade ? ` · ${esc(l.grade)} ${esc(c.grade)}` : ''}${others.length ? ` · <span class="also">${esc(l.otherTags)}:</span> ${others.map((t) => `<span class="chip">${esc(t)}</span>`).join(' ')}` : ''}</p>
${c.note ? `<div class="note"><p class="label">${esc(l.note)}</p>${richTextToHtml(safeBlocks(c.note.blocks))}</div>` : ''}
${links.length ? `<ul class="links" aria-label="${esc(l.links)}">${links.join('')}</ul>` : ''}
</article>`;
}

function crossSource(v: DossierView): string {
  const { d, l } = v;
  const body = d.groups.length > 0 ? d.groups.map((g) => group(v, g)).join('\n') : `<p class="muted">${esc(l.noGroups)}</p>`;
  const figure = timelineSvgOf(d, l);
  const timeline = figure ? `<figure class="timeline" role="group" aria-label="${esc(l.timeline)}">${figure}<figcaption>${esc(l.timeline)}</figcaption></figure>` : '';
  return `<section class="cross" aria-labelledby="cross"><h2 id="cross">${esc(l.crossSource)}</h2>${timeline}${body}</section>`;
}

function group(v: DossierView, g: CrossGroup): string {
  const { l } = v;
  const item = (id: string) => {
    const c = v.claim(id);
    if (!c) return '';
    return `<li><a href="#claim-${c.number}">«${esc(c.quote)}»</a> <span class="cite">${esc(v.cite(c))}</span></li>`;
  };
  const names = (ids: readonly string[]) => [...new Set(ids)].map((id) => v.source(id)).filter((s) => s !== undefined).map((s) => esc(v.sourceName(s)));
  const against = g.contradicting.map((x) => item(x.claimId));
  const linked = (g.linked ?? []).map((x) => {
    const rel = l.relations[x.kind]![x.toMember ? 0 : 1];
    return item(x.claimId).replace('<li>', `<li><span class="rel rel-${esc(x.kind)}">${esc(capitalize(rel))}:</span> `);
  });
  const supporters = (g.linked ?? []).filter((x) => x.kind === 'supports' && x.toMember).map((x) => x.sourceId);
  const heading = g.title ? `${fill(l.cluster, { n: g.number })}: ${g.title}` : fill(l.group, { n: g.number });
  return `<div class="group"><h3>${esc(heading)}</h3>
<p class="sides"><span class="agree">${esc(l.agree)}: ${names(g.agreeingSourceIds).join(', ')}</span>${supporters.length ? ` <span class="agree">${esc(l.supportSources)}: ${names(supporters).join(', ')}</span>` : ''}${g.contradicting.length ? ` <span class="contradict">${esc(l.contradict)}: ${names(g.contradicting.map((x) => x.sourceId)).join(', ')}</span>` : ''}</p>
<ul class="agreeing">${g.claimIds.map(item).join('')}</ul>
${linked.length ? `<ul class="linked">${linked.join('')}</ul>` : ''}
${against.length ? `<ul class="contradicting">${against.join('')}</ul>` : `<p class="muted small">${esc(l.noContradiction)}</p>`}
</div>`;
}

function matrix(v: DossierView): string {
  const { d, l } = v;
  const cols = d.matrix.sourceIds.map((id) => v.source(id));
  const head = cols.map((s) => `<th class="num" scope="col">${s ? `<a href="#src-${s.number}">${esc(v.sourceName(s))}</a><br><span class="small">${esc(formatDay(s.date, l))}</span>` : ''}</th>`);
  const rows = d.matrix.rows.map(
    (r) => `<tr><th scope="row">${esc(r.tag ?? l.untagged)}</th>${r.counts.map((n) => `<td class="num${n === 0 ? ' zero' : ''}">${n}</td>`).join('')}<td class="num total">${r.total}</td></tr>`,
  );
  return `<section class="matrix" aria-labelledby="matrix"><h2 id="matrix">${esc(l.matrix)}</h2>
<table><thead><tr><th scope="col">${esc(l.colTag)}</th>${head.join('')}<th class="num" scope="col">${esc(l.total)}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody>
<tfoot><tr><th scope="row">${esc(l.allClaims)}</th>${d.matrix.totals.map((n) => `<td class="num">${n}</td>`).join('')}<td class="num total">${d.matrix.total}</td></tr></tfoot></table></section>`;
}

function colophon(v: DossierView): string {
  return `<footer class="colophon">${esc(v.d.generator)} · ${esc(v.d.generatedAt)}</footer>`;
}
