import { useEffect } from 'react';
import { useT } from '../i18n/I18n';
import { Dialog } from '../ui/Dialog';
import { ConflictList } from './ConflictList';
import { OrphanList } from './OrphanList';
import { useShare } from './ShareContext';

/** The Orphans and Conflicts lists: what merges set aside, to re-attach or decide by hand. */
export function ReviewDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const share = useShare();
  const { refresh } = share.actions;
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return (
    <Dialog title={t('share.reviewTitle')} onClose={onClose} wide>
      <div className="dialog-body share-review">
        <OrphanList />
        <ConflictList />
      </div>
    </Dialog>
  );
}
