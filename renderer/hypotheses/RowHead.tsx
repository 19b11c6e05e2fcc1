import type { EvidenceRow, Level } from '../../shared/hypotheses';
import { call } from '../api/client';
import { useT } from '../i18n/I18n';
import { edit, updateRow } from './store';

const LEVEL_KEYS = { low: 'hyp.level.low', medium: 'hyp.level.medium', high: 'hyp.level.high' } as const;

/** A row's head: its kind, text and source, credibility and relevance, the doubtful mark and removal. */
export function RowHead({ row, editable, onChange, linchpin }: { row: EvidenceRow; editable: boolean; onChange(): void; linchpin: boolean }) {
  const t = useT();
  const kindLabel = t(`hyp.kind.${row.kind}`);
  return (
    <div className="hyp-row-head">
      <span className="hyp-kind">{kindLabel}</span>
      <span className="hyp-text">{row.text}</span>
      {row.source ? <span className="hyp-source">{row.source}</span> : null}
      {row.kind === 'cluster' ? <span className="hyp-badge">{t('hyp.sources', { count: row.sources })}</span> : null}
      {row.missing ? <span className="hyp-badge warn">{t('hyp.missing')}</span> : null}
      {linchpin ? <span className="hyp-badge linchpin">{t('hyp.linchpin')}</span> : null}
      <span className="hyp-levels">
        <LevelSelect
          label={t('hyp.credibility')}
          short={t('hyp.credibility.short')}
          value={row.credibility}
          fallback={row.effectiveCredibility}
          grading={row.grading}
          disabled={!editable}
          onChange={(credibility) => void updateRow(row.id, { credibility }, onChange)}
        />
        <LevelSelect label={t('hyp.relevance')} short={t('hyp.relevance.short')} value={row.relevance} disabled={!editable} onChange={(relevance) => relevance && void updateRow(row.id, { relevance }, onChange)} />
        <label className="hyp-doubtful">
          <input
            type="checkbox"
            checked={row.doubtful}
            disabled={!editable}
            onChange={(e) => void updateRow(row.id, { doubtful: e.target.checked }, onChange)}
          />
          {t('hyp.doubtful')}
        </label>
        {editable ? (
          <button type="button" className="link hyp-remove" aria-label={t('hyp.removeRow', { text: row.text.slice(0, 40) })} onClick={() => void edit(() => call('hypotheses.deleteRow', { id: row.id }), undefined, onChange)}>
            {t('hyp.remove')}
          </button>
        ) : null}
      </span>
    </div>
  );
}

function LevelSelect(props: { label: string; short: string; value: Level | null; fallback?: Level; grading?: string | null; disabled: boolean; onChange(v: Level | null): void }) {
  const t = useT();
  const { label, short, value, fallback, grading, disabled, onChange } = props;
  return (
    <label className="hyp-level" title={label}>
      <span aria-hidden>{short}</span>
      <select aria-label={label} value={value ?? ''} disabled={disabled} onChange={(e) => onChange((e.target.value || null) as Level | null)}>
        {fallback ? <option value="">{t('hyp.level.default', { level: t(LEVEL_KEYS[fallback]), grading: grading ?? t('hyp.level.none') })}</option> : null}
        {(['low', 'medium', 'high'] as const).map((l) => (
          <option key={l} value={l}>
            {t(LEVEL_KEYS[l])}
          </option>
        ))}
      </select>
    </label>
  );
}
