import { useState } from 'react';
import { CodebookFormat } from '../../shared/contract';
import { useT } from '../i18n/I18n';
import { useCodeActions } from './useCodeSystem';

const NAMES: Record<CodebookFormat, string> = { html: 'HTML', docx: 'Word (DOCX)', md: 'Markdown', csv: 'CSV', qdc: 'REFI-QDA (QDC)' };

/** Exports the codebook: a save dialog on the desktop, a download in browser mode. */
export function CodebookExport() {
  const t = useT();
  const { exportCodebook } = useCodeActions();
  const [format, setFormat] = useState<CodebookFormat>('html');
  return (
    <span className="codebook-export">
      <select value={format} onChange={(e) => setFormat(e.target.value as CodebookFormat)} aria-label={t('codes.exportFormat')}>
        {CodebookFormat.options.map((f) => (
          <option key={f} value={f}>
            {NAMES[f]}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => void exportCodebook(format)}>
        {t('codes.exportCodebook')}
      </button>
    </span>
  );
}
