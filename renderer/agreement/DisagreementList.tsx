import { useState, type CSSProperties } from 'react';
import type { AgreementReport, Disagreement, DisagreementSide } from '../../shared/agreement-schema';
import { useRevealClaim } from '../annotations/useRevealClaim';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';

/** How many disagreements show before "Show all": a long list would bury the table above it. */
const FIRST = 100;

function Side({ author, side, report }: { author: string; side: DisagreementSide | null; report: AgreementReport }) {
  const t = useT();
  const reveal = useRevealClaim();
  const { state } = useWorkspace();
  if (!side) {
    return (
      <div className="disagreement-side empty">
        <span className="disagreement-author">{author}</span>
        <span>{t('agreement.notCoded')}</span>
      </div>
    );
  }
  return (
    <button type="button" className="disagreement-side" onClick={() => reveal(side.claimId)} title={t('agreement.showClaim')}>
      <span className="disagreement-author">{author}</span>
      <q>{side.exact}</q>
      <span className="disagreement-tags">
        {side.tagIds.map((id) => (
          <span key={id} className="chip" style={{ '--tag': state.tags.find((x) => x.id === id)?.color } as CSSProperties}>
            {report.tags.find((x) => x.id === id)?.name ?? ''}
          </span>
        ))}
      </span>
    </button>
  );
}

/** The places two authors coded differently, each side a click away from its claim in the text. */
export function DisagreementList({ report }: { report: AgreementReport }) {
  const t = useT();
  const [all, setAll] = useState(false);
  const items = all ? report.disagreements : report.disagreements.slice(0, FIRST);
  const docLabel = (d: Disagreement) => report.documents.find((x) => x.id === d.documentId)?.label ?? '';
  return (
    <section className="disagreements" aria-label={t('agreement.disagreements')}>
      <h3>{t('agreement.disagreementCount', { count: report.disagreements.length })}</h3>
      {report.disagreements.length === 0 ? <p className="muted">{t('agreement.noDisagreement')}</p> : null}
      <ul>
        {items.map((d) => (
          <li key={`${d.a}:${d.b}:${d.left?.claimId ?? ''}:${d.right?.claimId ?? ''}`} className={`disagreement ${d.kind}`}>
            <div className="disagreement-head">
              <span className="disagreement-kind">{t(`agreement.kind.${d.kind}`)}</span> · {docLabel(d)}
            </div>
            <div className="disagreement-sides">
              <Side author={d.a} side={d.left} report={report} />
              <Side author={d.b} side={d.right} report={report} />
            </div>
          </li>
        ))}
      </ul>
      {items.length < report.disagreements.length ? (
        <button type="button" onClick={() => setAll(true)}>
          {t('agreement.showAll', { count: report.disagreements.length })}
        </button>
      ) : null}
    </section>
  );
}
