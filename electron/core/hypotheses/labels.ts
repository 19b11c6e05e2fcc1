import type { StepLabel } from '../../../shared/history';
import type { Rating } from '../../../shared/hypotheses';
import type { Project } from '../store/project';
import { shortQuote } from '../store/step-labels';
import type { HypothesisStore } from './store';

/** Names the undo steps of the matrix from the project as it stands (a deletion before it runs). */
export class HypothesisLabels {
  constructor(
    private readonly project: Project,
    private readonly store: HypothesisStore,
  ) {}

  analysis(kind: 'analysis.create' | 'analysis.rename' | 'analysis.delete', id: string): StepLabel {
    return { kind, params: { question: shortQuote(this.store.analysis(id).question) } };
  }

  hypothesis(kind: 'hypothesis.create' | 'hypothesis.update' | 'hypothesis.move' | 'hypothesis.delete', id: string): StepLabel {
    return { kind, params: { title: shortQuote(this.store.hypothesis(id).title) } };
  }

  row(kind: 'evidence.update' | 'evidence.move' | 'evidence.delete', id: string): StepLabel {
    return { kind, params: { text: this.rowName(id) } };
  }

  rating(rowId: string, hypothesisId: string, rating: Rating | null): StepLabel {
    const params = { row: this.rowName(rowId), hypothesis: shortQuote(this.store.hypothesis(hypothesisId).title) };
    return rating === null ? { kind: 'rating.clear', params } : { kind: 'rating.set', params: { ...params, rating } };
  }

  explain(rowId: string, hypothesisId: string): StepLabel {
    return { kind: 'rating.explain', params: { row: this.rowName(rowId), hypothesis: shortQuote(this.store.hypothesis(hypothesisId).title) } };
  }

  /** A row is named by its own words: the claim's quote (even a deleted claim's), or the typed text. */
  private rowName(id: string): string {
    const row = this.store.row(id);
    if (!row.claim_id) return shortQuote(row.text);
    const exact = this.project.database.prepare('SELECT exact FROM annotations WHERE id = ?').pluck().get(row.claim_id) as string | undefined;
    return shortQuote(exact ?? row.text);
  }
}
