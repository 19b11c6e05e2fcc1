import type { DossierAssessment } from '../../shared/dossier';
import { escapeHidden } from '../../shared/names';
import type { Backend } from '../core/backend';
import { assessmentOf } from '../core/hypotheses/assessment';
import { citationText, labelsFor } from '../core/export/labels';

export const HYPOTHESES_USAGE = `  hypotheses --project P [--json]       Print the competing-hypotheses analyses: hypotheses ranked, the matrix, scores`;

const num = (n: number) => (Math.abs(n) < 0.005 ? '0' : n.toFixed(2));

/**
 * The analyses of the project scored with this machine's analyst's ratings (or, for an analysis
 * they never rated, the ratings of whoever rated most): JSON in the dossier's Assessment shape, or text.
 */
export async function hypothesesCommand(backend: Backend, asJson: boolean): Promise<string> {
  const project = backend.project();
  if (!project) return asJson ? '[]\n' : 'No project is open.\n';
  const { author } = await backend.call('settings.get', {});
  const all = assessmentOf(project, author, true);
  if (asJson) return `${JSON.stringify(all, null, 2)}\n`;
  if (all.length === 0) return 'No analyses with hypotheses yet.\n';
  // Titles and quotes come from documents and colleagues' files: no control character reaches the terminal.
  return escapeHidden(all.map(formatOne).join('\n'), true);
}

function formatOne(x: DossierAssessment): string {
  const l = labelsFor('en');
  const whose = x.view === 'group' ? `Group (consensus of): ${x.analysts.join(', ')}` : `Ratings by: ${x.analyst || '(no author)'}`;
  const out = [`Question: ${x.question}`, whose, '', 'Hypotheses, most to least likely (weighted inconsistency):'];
  for (const h of [...x.hypotheses].sort((a, b) => a.rank - b.rank)) out.push(`  ${h.rank}. ${h.title}  ${num(h.score)}`);
  out.push('', 'Matrix (H1… in column order):');
  out.push(`  ${['#', 'cred', 'rel', 'diag', ...x.hypotheses.map((_, i) => `H${i + 1}`)].join('\t')}  evidence`);
  for (const r of x.rows) {
    const where = r.citation ? ` — ${citationText(r.citation, l)}` : '';
    const marks = [r.kind, r.doubtful ? 'doubtful' : '', r.missing ? 'claim deleted' : ''].filter(Boolean).join(', ');
    out.push(`  ${[String(r.number), r.credibility, r.relevance, num(r.diagnosticity), ...r.ratings.map((g) => g ?? '-')].join('\t')}  ${r.text}${where} (${marks})`);
  }
  out.push(`  ${['score', '', '', '', ...x.hypotheses.map((h) => num(h.score))].join('\t')}`);
  if (x.withoutDoubtful) out.push(`  ${['w/o doubtful', '', '', ...x.withoutDoubtful.map(num)].join('\t')}`);
  out.push('', `Linchpins: ${x.linchpins.length ? x.linchpins.map((n) => `row ${n}`).join(', ') : 'none'}`);
  for (const g of x.rationales) out.push(`  row ${g.row} × ${g.hypothesis} (${x.view === 'group' ? `${g.analyst}, ` : ''}${g.rating}): ${g.text}`);
  return `${out.join('\n')}\n`;
}
