import { useEffect, useState } from 'react';
import type { MemoSummary } from '../../shared/contract';
import { call } from '../api/client';
import { useT } from '../i18n/I18n';
import { useMemoTitle } from './useMemoTitle';

/** How the dossier names a memo (shared/dossier.ts MemoRef). */
export const memoRef = (m: MemoSummary) => (m.owner.kind === 'project' ? 'project' : `${m.owner.kind}:${m.owner.id}`);

/** The export dialog's choice of memos: each written memo, none ticked until the analyst picks. */
export function MemoChoice({ chosen, onChange }: { chosen: ReadonlySet<string>; onChange(next: ReadonlySet<string>): void }) {
  const t = useT();
  const title = useMemoTitle();
  const [memos, setMemos] = useState<MemoSummary[]>([]);
  useEffect(() => {
    let alive = true;
    call('memos.list', {}).then(
      (m) => alive && setMemos(m),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, []);
  if (memos.length === 0) return null;
  const toggle = (ref: string) => {
    const next = new Set(chosen);
    if (next.has(ref)) next.delete(ref);
    else next.add(ref);
    onChange(next);
  };
  return (
    <fieldset className="export-memos">
      <legend>{t('export.memos')}</legend>
      {memos.map((m) => (
        <label key={memoRef(m)} className="check">
          <input type="checkbox" checked={chosen.has(memoRef(m))} onChange={() => toggle(memoRef(m))} />
          {title(m.owner)}
        </label>
      ))}
    </fieldset>
  );
}
