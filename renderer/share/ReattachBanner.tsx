import { useEffect, useState } from 'react';
import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { useShare } from './ShareContext';

const short = (s: string, max = 80) => (s.length > max ? `${s.slice(0, max)}…` : s);

/**
 * Re-attaching an orphan: the user selects its text in a pane (the usual selection, which also
 * offers the tag popover) and chooses Attach. The selection is remembered here because clicking
 * the banner closes the popover that holds it.
 */
export function ReattachBanner() {
  const t = useT();
  const { state, actions } = useWorkspace();
  const share = useShare();
  const orphan = share.state.reattach;
  const [selection, setSelection] = useState<{ documentId: string; start: number; end: number; text: string } | null>(null);
  const popover = state.popover;
  useEffect(() => {
    if (popover?.mode !== 'create') return;
    void call('documents.get', { id: popover.documentId }).then((d) =>
      setSelection({ documentId: popover.documentId, start: popover.start, end: popover.end, text: d.text.slice(popover.start, popover.end) }),
    );
  }, [popover]);
  if (!orphan) return null;
  const attach = async () => {
    if (!selection) return;
    const claim = await actions.guard(() => call('share.reattach', { id: orphan.id, documentId: selection.documentId, start: selection.start, end: selection.end }));
    if (!claim) return;
    actions.setPopover(null);
    share.actions.setReattach(null);
    await actions.refresh('tags', 'annotations');
    await share.actions.refresh();
    actions.select(claim.id);
    actions.notify('info', t('share.reattached'));
  };
  return (
    <div className="link-banner reattach-banner" role="status">
      <span>{t('share.reattachBanner', { quote: short(orphan.exact) })}</span>
      {selection ? <span className="muted">{t('share.reattachSelected', { quote: short(selection.text) })}</span> : null}
      <button type="button" className="primary" disabled={!selection} onClick={() => void attach()}>
        {t('share.attach')}
      </button>
      <button type="button" onClick={() => share.actions.setReattach(null)}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
