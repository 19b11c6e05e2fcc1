import { useEffect, useRef, useState, type RefObject } from 'react';
import { call } from '../api/client';
import { useT } from '../i18n/I18n';
import { RichTextField } from '../notes/RichTextField';
import { useColleagueTexts } from '../team/useColleagueTexts';

/** Lets the export wait for the summary's last keystrokes to be saved before it builds. */
export type FlushSummary = RefObject<(() => Promise<void>) | null>;

/**
 * The analyst's dossier summary: rich text kept in the project and saved as the user types (like a
 * claim's note). Export flushes a pending save first, through `flushRef`.
 */
export function SummaryEditor({ flushRef, readOnly, onError }: { flushRef: FlushSummary; readOnly: boolean; onError(message: string): void }) {
  const t = useT();
  const [initial, setInitial] = useState<{ json: string | null } | null>(null);
  const holder = useRef<HTMLDivElement>(null);
  const colleagues = useColleagueTexts(holder);
  useEffect(() => {
    let alive = true;
    setInitial(null);
    call('dossier.summary.get', {}).then(
      (s) => alive && setInitial({ json: s?.json ?? null }),
      (e: Error) => alive && onError(e.message),
    );
    return () => {
      alive = false;
    };
  }, [onError, colleagues]);
  return (
    <div ref={holder} className="note-holder">
      {initial ? (
        <RichTextField
          key={colleagues}
          namespace="dossier-summary"
          className="summary-editor"
          json={initial.json}
          label={t('export.summary')}
          placeholder={t('export.summaryPlaceholder')}
          readOnly={readOnly}
          flushRef={flushRef}
          save={async (json, base) => {
            await call('dossier.summary.save', { json, ...(base ? { base } : {}) });
          }}
          onSaveError={onError}
        />
      ) : null}
    </div>
  );
}
