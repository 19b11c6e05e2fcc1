import type { Citation, DossierAssessment } from '../../../shared/dossier';
import { computeScores, groupCell, lookupOf, type CellRating, type Rating, type RatingLookup } from '../../../shared/hypotheses';
import { placeOf } from '../../../shared/pages';
import { splitParagraphs } from '../../../shared/text';
import type { Project } from '../store/project';
import { readMatrixWithPlaces } from './matrix';
import { HypothesisStore } from './store';

/**
 * Every analysis with at least one hypothesis, scored by the same shared functions as the matrix,
 * with claim rows cited the usual way (outlet, date, page and ¶). An analysis one analyst rated is
 * scored with their ratings; one several analysts rated (after colleagues' files were merged) is
 * shown as the matrix's Group view: each cell's consensus scores it, every analyst's rating and the
 * disagreement stand beside it, and the section names the analysts.
 */
export function assessmentOf(project: Project, analyst: string, fallback = false): DossierAssessment[] {
  const store = new HypothesisStore(project.database);
  const docs = new Map(project.documents.list().map((d) => [d.id, d]));
  const paragraphs = new Map<string, ReturnType<typeof splitParagraphs>>();
  const cite = (documentId: string, offset: number): Citation | null => {
    const d = docs.get(documentId);
    if (!d) return null;
    let p = paragraphs.get(documentId);
    if (!p) paragraphs.set(documentId, (p = splitParagraphs(project.documents.text(documentId))));
    const place = placeOf(p, project.documents.pageStarts(documentId), offset);
    return { sourceId: d.id, outlet: d.outlet, title: d.title, date: d.date, paragraph: place.paragraph, ...(place.page > 0 ? { page: place.page } : {}) };
  };
  // With `fallback`, an analysis `analyst` never rated is shown with the ratings of whoever rated most.
  const busiest = (analysisId: string, preferred: string) => {
    const counts = new Map<string, number>();
    for (const g of store.ratings(analysisId)) counts.set(g.author, (counts.get(g.author) ?? 0) + 1);
    if (counts.has(preferred) || counts.size === 0) return preferred;
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  };
  return store.analyses().flatMap((analysis) => {
    const whose = fallback ? busiest(analysis.id, analyst) : analyst;
    const { matrix, places } = readMatrixWithPlaces(project, analysis.id, whose);
    if (matrix.hypotheses.length === 0) return [];
    const hypothesisIds = matrix.hypotheses.map((h) => h.id);
    const raters = matrix.authors.filter((a) => matrix.ratings.some((g) => g.author === a));
    const group = raters.length > 1 ? groupOf(matrix.ratings, raters) : null;
    const mine = group ? matrix.ratings : matrix.ratings.filter((g) => g.author === whose);
    const get = group ? group.consensus : lookupOf(mine);
    const s = computeScores(
      matrix.rows.map((r) => ({ id: r.id, credibility: r.effectiveCredibility, relevance: r.relevance, doubtful: r.doubtful })),
      hypothesisIds,
      get,
    );
    const number = new Map(matrix.rows.map((r, i) => [r.id, i + 1]));
    const title = new Map(matrix.hypotheses.map((h) => [h.id, h.title]));
    return [
      {
        question: analysis.question,
        analyst: whose,
        view: group ? ('group' as const) : ('analyst' as const),
        analysts: group ? raters : [whose],
        hypotheses: matrix.hypotheses.map((h, i) => ({ id: h.id, title: h.title, description: h.descriptionText, score: s.scores[i]!, rank: s.ranking.indexOf(h.id) + 1 })),
        rows: matrix.rows.map((r) => {
          const place = places.get(r.id);
          return {
            number: number.get(r.id)!,
            kind: r.kind,
            text: r.text,
            citation: place ? cite(place.documentId, place.offset) : null,
            sources: r.sources,
            credibility: r.effectiveCredibility,
            relevance: r.relevance,
            doubtful: r.doubtful,
            missing: r.missing,
            diagnosticity: s.diagnosticity.get(r.id) ?? 0,
            ratings: hypothesisIds.map((h) => get(r.id, h) ?? null),
            ...(group
              ? {
                  byAnalyst: hypothesisIds.map((h) => group.cell(r.id, h).byAuthor.map((g) => g ?? null)),
                  disagreement: hypothesisIds.map((h) => group.cell(r.id, h).disagreement),
                }
              : {}),
          };
        }),
        linchpins: s.linchpins.map((id) => number.get(id)!),
        withoutDoubtful: matrix.rows.some((r) => r.doubtful) ? s.withoutDoubtful : null,
        rationales: mine
          .filter((g) => g.rationale.trim() && number.has(g.rowId) && title.has(g.hypothesisId))
          .sort((p, q) => number.get(p.rowId)! - number.get(q.rowId)! || hypothesisIds.indexOf(p.hypothesisId) - hypothesisIds.indexOf(q.hypothesisId) || raters.indexOf(p.author) - raters.indexOf(q.author))
          .map((g) => ({ row: number.get(g.rowId)!, hypothesis: title.get(g.hypothesisId)!, rating: g.rating, text: g.rationale, analyst: g.author })),
      },
    ];
  });
}

/** The Group view of several analysts' ratings: per cell, each one's rating, the consensus and the spread. */
function groupOf(ratings: readonly CellRating[], analysts: readonly string[]): { consensus: RatingLookup; cell(rowId: string, hypothesisId: string): ReturnType<typeof groupCell> } {
  const by = new Map<string, Map<string, Map<string, Rating>>>();
  for (const g of ratings) {
    let row = by.get(g.rowId);
    if (!row) by.set(g.rowId, (row = new Map()));
    let cell = row.get(g.hypothesisId);
    if (!cell) row.set(g.hypothesisId, (cell = new Map()));
    cell.set(g.author, g.rating);
  }
  const cells = new Map<string, ReturnType<typeof groupCell>>();
  const cell = (rowId: string, hypothesisId: string) => {
    const key = `${rowId}|${hypothesisId}`;
    let c = cells.get(key);
    if (!c) {
      const rated = by.get(rowId)?.get(hypothesisId);
      cells.set(key, (c = groupCell(analysts.map((a) => rated?.get(a)))));
    }
    return c;
  };
  return { consensus: (r, h) => cell(r, h).consensus, cell };
}
