import type { MemoOwner } from '../../shared/contract';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';

/** The heading of a memo in the UI's language: "Project memo", "Memo on document «…»". */
export function useMemoTitle(): (owner: MemoOwner) => string {
  const t = useT();
  const { state } = useWorkspace();
  return (owner) => {
    if (owner.kind === 'project') return t('memos.project');
    if (owner.kind === 'document') {
      const doc = state.documents.find((d) => d.id === owner.id);
      return t('memos.onDocument', { name: doc?.title ?? '' });
    }
    return t('memos.onTag', { name: state.tags.find((g) => g.id === owner.id)?.name ?? '' });
  };
}
