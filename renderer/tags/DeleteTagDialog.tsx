import { useEffect, useState } from 'react';
import type { Tag } from '../../shared/contract';
import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { useHistory } from '../history/useHistory';
import { useT } from '../i18n/I18n';
import { ConfirmDialog } from '../ui/ConfirmDialog';

/** Asks before deleting a tag, saying how many claims use it and how many it leaves with no tag; the deletion can be undone. */
export function DeleteTagDialog({ tag, onDone }: { tag: Tag; onDone(): void }) {
  const t = useT();
  const { actions } = useWorkspace();
  const history = useHistory();
  const [usage, setUsage] = useState<{ claims: number; onlyTag: number } | null>(null);
  useEffect(() => {
    let alive = true;
    void actions.guard(() => call('tags.usage', { id: tag.id })).then((u) => {
      if (!alive) return;
      if (u) setUsage(u);
      else onDone();
    });
    return () => {
      alive = false;
    };
  }, [actions, tag.id, onDone]);
  if (!usage) return null;
  return (
    <ConfirmDialog
      title={t('tags.deleteTitle')}
      confirmLabel={t('common.delete')}
      onCancel={onDone}
      onConfirm={async () => {
        onDone();
        const done = await actions.deleteTag(tag.id);
        if (done) await history.offerUndo(t('tags.deleted', { name: tag.name }), done.step);
      }}
    >
      <p>{t('tags.deleteQuestion', { name: tag.name })}</p>
      <p>
        {t('tags.usedBy', { count: usage.claims })}
        {usage.claims > 0 ? t('tags.leftUntagged', { count: usage.onlyTag }) : null}
      </p>
      <p className="muted small">{t('tags.deleteUndoable')}</p>
    </ConfirmDialog>
  );
}
