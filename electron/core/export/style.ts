/** The dossier's stylesheet: calm, readable on screen, and laid out for A4 print. */
export const DOSSIER_CSS = `
:root { --ink: #1d232b; --muted: #5d6673; --rule: #d9dde3; --accent: #1f4e79; --paper: #fff; --tint: #f4f6f9; }
* { box-sizing: border-box; }
html { background: #eceff3; }
body { margin: 0 auto; max-width: 60rem; padding: 3rem 3.5rem 4rem; background: var(--paper); color: var(--ink);
  font: 11pt/1.55 "Georgia", "DejaVu Serif", "Times New Roman", serif; }
h1, h2, h3, .kicker, table, .cite, .facts, nav, .sides, .colophon, .chip, .label { font-family: "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
h1 { font-size: 26pt; line-height: 1.15; margin: 0.2rem 0 1.5rem; color: var(--accent); }
h2 { font-size: 16pt; margin: 2.2rem 0 0.8rem; padding-bottom: 0.3rem; border-bottom: 2px solid var(--accent); color: var(--accent); }
h3 { font-size: 12.5pt; margin: 1.6rem 0 0.6rem; }
a { color: var(--accent); }
.kicker { text-transform: uppercase; letter-spacing: 0.18em; font-size: 9pt; color: var(--muted); margin: 0; }
.cover { padding-bottom: 1rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1.2rem; font-size: 10pt; margin: 0 0 1.5rem; padding: 0.9rem 1.1rem; background: var(--tint); border-left: 4px solid var(--accent); }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.summary h2 { margin-top: 1.2rem; }
.muted { color: var(--muted); }
.small { font-size: 8.5pt; }
.contents ol { margin: 0.2rem 0; padding-left: 1.4rem; }
.contents a { text-decoration: none; }
.count { display: inline-block; min-width: 1.5em; padding: 0 0.4em; border-radius: 1em; background: var(--tint); color: var(--muted); font-size: 8.5pt; text-align: center; font-family: "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; font-weight: normal; }
table { width: 100%; border-collapse: collapse; font-size: 9pt; margin: 0.5rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--rule); }
thead th { background: var(--tint); border-bottom: 1.5px solid var(--muted); }
tfoot th, tfoot td, td.total { font-weight: bold; }
tfoot th, tfoot td { border-top: 1.5px solid var(--muted); }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.ach-spread-1 { background: #fdf3d8; } .ach-spread-2 { background: #fbe3b0; } .ach-spread-3 { background: #f8cc8a; } .ach-spread-4 { background: #f3ad6e; }
.zero { color: #b5bbc4; }
.nowrap { white-space: nowrap; }
.hash { font-family: "DejaVu Sans Mono", monospace; font-size: 6.5pt; word-break: break-all; color: var(--muted); max-width: 9rem; }
tr:target, .claim:target { background: #fff7d6; }
.finding h3 { display: flex; align-items: center; gap: 0.5rem; }
.swatch { display: inline-block; width: 0.8rem; height: 0.8rem; border-radius: 2px; }
.claim { margin: 0 0 1.1rem; padding: 0.2rem 0 0.8rem; border-bottom: 1px solid var(--rule); break-inside: avoid; }
.claim blockquote { margin: 0.3rem 0 0.3rem; padding: 0.1rem 0 0.1rem 1rem; border-left: 3px solid var(--accent); font-size: 11.5pt; font-style: italic; }
.claim blockquote a.quote { color: var(--ink); text-decoration: none; }
.cite { margin: 0.2rem 0 0.4rem; font-size: 8.5pt; color: var(--muted); }
.claim-no { font-weight: bold; color: var(--ink); }
.chip { display: inline-block; padding: 0 0.45em; border: 1px solid var(--rule); border-radius: 0.7em; font-size: 8pt; }
.note { margin: 0.3rem 0 0.4rem; padding: 0.4rem 0.8rem; background: var(--tint); border-radius: 3px; font-size: 10pt; }
.note p { margin: 0.2rem 0; }
.label { margin: 0 0 0.1rem; font-size: 7.5pt; text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); }
.links { margin: 0.3rem 0 0; padding-left: 1.1rem; font-size: 9.5pt; }
.links li { margin: 0.15rem 0; }
.rel { font-family: "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; font-weight: bold; font-size: 8.5pt; }
.rel-contradicts, .contradict { color: #a4262c; }
.rel-supports, .rel-same-claim, .agree { color: #1e6b45; }
.link-note { color: var(--muted); }
.group { margin: 0 0 1rem; padding: 0.5rem 1rem 0.6rem; border: 1px solid var(--rule); border-radius: 4px; break-inside: avoid; }
.group h3 { margin: 0.2rem 0 0.3rem; }
.sides { display: flex; flex-wrap: wrap; gap: 0.4rem 1.5rem; font-size: 9pt; font-weight: bold; margin: 0 0 0.3rem; }
.group ul { margin: 0.2rem 0; padding-left: 1.2rem; font-size: 10pt; }
.group ul.contradicting { list-style: "✕ "; color: #5a1d20; }
.group ul.linked { list-style: "+ "; }
.timeline { margin: 0 0 1.2rem; break-inside: avoid; }
.timeline svg { width: 100%; height: auto; }
.timeline figcaption { font-size: 9pt; color: var(--muted); margin-top: 0.2rem; }
.group .cite { display: inline; }
.matrix table { width: auto; min-width: 60%; }
.matrix th a { text-decoration: none; }
.colophon { margin-top: 3rem; font-size: 8pt; color: var(--muted); text-align: center; }
@page { size: A4; margin: 18mm 16mm 20mm;
  @bottom-center { content: counter(page) " / " counter(pages); font: 8.5pt "DejaVu Sans", sans-serif; color: #5d6673; }
  @top-left { font: 8pt "DejaVu Sans", sans-serif; color: #8a8f98; } }
@page :first { @top-left { content: none; } }
@media print {
  html { background: none; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .cover { break-after: page; }
  h2 { break-after: avoid; }
  h3 { break-after: avoid; }
  a { text-decoration: none; }
  tr { break-inside: avoid; }
}
.graph-figure svg { max-width: 100%; height: auto; }
.graph-figure figure { margin: 0; break-inside: avoid; }
`;
