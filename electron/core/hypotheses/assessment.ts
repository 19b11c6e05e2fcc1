import type { Citation, DossierAssessment } from '../../../shared/dossier';
import { computeScores, lookupOf } from '../../../shared/hypotheses';
import { placeOf } from '../../../shared/pages';
import { splitParagraphs } from '../../../shared/text';
import type { Project } from '../store/project';
import { readMatrixWithPlaces } from './matrix';
import { HypothesisStore } from './store';

/**
 * Every analysis with at least one hypothesis, scored with `analyst`'s ratings by the same shared
 * functions as the matrix, with claim rows cited the usual way (outlet, date, page and ¶).
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
    const mine = matrix.ratings.filter((g) => g.author === whose);
    const get = lookupOf(mine);
    const hypothesisIds = matrix.hypotheses.map((h) => h.id);
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
          };
        }),
        linchpins: s.linchpins.map((id) => number.get(id)!),
        withoutDoubtful: matrix.rows.some((r) => r.doubtful) ? s.withoutDoubtful : null,
        rationales: mine.filter((g) => g.rationale.trim()).map((g) => ({ row: number.get(g.rowId)!, hypothesis: title.get(g.hypothesisId)!, rating: g.rating, text: g.rationale })),
      },
    ];
  });
}
