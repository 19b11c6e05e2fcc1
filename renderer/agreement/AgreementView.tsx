import { UNIT_LEVELS } from '../../shared/agreement-units';
import { useLanguage, useT } from '../i18n/I18n';
import { AgreementTable } from './AgreementTable';
import { DisagreementList } from './DisagreementList';
import { coefficientText } from './figures';
import { useAgreement } from './useAgreement';
import { useAgreementExport } from './useAgreementExport';

/**
 * Where colleagues agree: choose the authors and tags to compare, read kappa and alpha per tag or
 * per document, and walk through the places they coded differently.
 */
export function AgreementView() {
  const t = useT();
  const language = useLanguage();
  const ag = useAgreement();
  const exportAs = useAgreementExport(ag.query);
  const report = ag.report;
  if (ag.authors.length < 2) return <p className="agreement-empty">{t('agreement.needTwo', { count: ag.authors.length })}</p>;
  const ready = report !== null && ag.chosenAuthors.length >= 2 && ag.tags.some((x) => x.chosen);
  const pair = report?.overall.pairs.length === 1 ? report.overall.pairs[0] : undefined;
  return (
    <div className="agreement" aria-busy={!ag.current}>
      <fieldset className="agreement-choice">
        <legend>{t('agreement.authors')}</legend>
        {ag.authors.map((a) => (
          <label key={a}>
            <input type="checkbox" checked={ag.chosenAuthors.includes(a)} onChange={() => ag.toggleAuthor(a)} />
            {a || t('agreement.noAuthor')}
          </label>
        ))}
      </fieldset>
      <details className="agreement-choice">
        <summary>{t('agreement.tagsChosen', { count: ag.tags.filter((x) => x.chosen).length, total: ag.tags.length })}</summary>
        {ag.tags.map((tag) => (
          <label key={tag.id}>
            <input type="checkbox" checked={tag.chosen} onChange={() => ag.toggleTag(tag.id)} />
            <span className="swatch" style={{ background: tag.color }} />
            {tag.name}
          </label>
        ))}
      </details>
      {ag.error ? <p role="alert">{ag.error}</p> : null}
      {!ready ? <p className="agreement-empty">{t('agreement.chooseTwo')}</p> : null}
      {ready && report ? (
        <>
          <p className="agreement-summary" role="status">
            {pair ? t('agreement.summaryPair', { a: pair.a, b: pair.b, kappa: coefficientText(language, pair[ag.level].kappa) }) : null}{' '}
            {t('agreement.summaryAlpha', { alpha: coefficientText(language, report.overall.alpha[ag.level]), segments: coefficientText(language, report.overall.alpha.segments) })}{' '}
            {t('agreement.sharedDocuments', { count: report.overall.documents })}
          </p>
          <div className="agreement-switches">
            <div role="radiogroup" aria-label={t('agreement.level')} className="segmented">
              {UNIT_LEVELS.map((level) => (
                <button key={level} type="button" role="radio" aria-checked={ag.level === level} onClick={() => ag.setLevel(level)}>
                  {t(`agreement.level.${level}`)}
                </button>
              ))}
            </div>
            <div role="radiogroup" aria-label={t('agreement.scope')} className="segmented">
              {(['tag', 'document'] as const).map((scope) => (
                <button key={scope} type="button" role="radio" aria-checked={ag.scope === scope} onClick={() => ag.setScope(scope)}>
                  {t(`agreement.scope.${scope}`)}
                </button>
              ))}
            </div>
          </div>
          <AgreementTable rows={ag.scope === 'tag' ? report.byTag : report.byDocument} overall={report.overall} level={ag.level} scope={ag.scope} />
          <p className="agreement-note muted">{t('agreement.method')}</p>
          <div className="agreement-export">
            <span>{t('agreement.export')}</span>
            <button type="button" onClick={() => void exportAs('csv')}>
              CSV
            </button>
            <button type="button" onClick={() => void exportAs('html')}>
              HTML
            </button>
          </div>
          <DisagreementList report={report} />
        </>
      ) : null}
    </div>
  );
}
