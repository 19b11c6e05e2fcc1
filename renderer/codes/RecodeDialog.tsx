import { useState } from 'react';
import type { Tag } from '../../shared/contract';
import { useT } from '../i18n/I18n';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useCodeActions, useTagTree } from './useCodeSystem';

/**
 * Merging a tag into another, or moving all its claims to another: the user picks the target
 * (shown as its path in the tree) and is told what happens to the claims before it does.
 */
export function RecodeDialog({ kind, tag, onDone }: { kind: 'merge' | 'moveClaims'; tag: Tag; onDone(): void }) {
  const t = useT();
  const { rows, counts } = useTagTree();
  const { recode } = useCodeActions();
  const targets = rows.filter((r) => r.tag.id !== tag.id);
  const [targetId, setTargetId] = useState(targets[0]?.tag.id ?? '');
  const target = targets.find((r) => r.tag.id === targetId)?.tag;
  return (
    <ConfirmDialog
      title={t(kind === 'merge' ? 'codes.mergeTitle' : 'codes.moveClaimsTitle', { name: tag.name })}
      confirmLabel={t(kind === 'merge' ? 'codes.mergeConfirm' : 'codes.moveClaimsConfirm')}
      onCancel={onDone}
      onConfirm={() => {
        onDone();
        if (target) void recode(kind, tag, target);
      }}
    >
      <label className="field">
        <span>{t('codes.target')}</span>
        <select value={targetId} onChange={(e) => setTargetId(e.target.value)} data-autofocus>
          {targets.map((r) => (
            <option key={r.tag.id} value={r.tag.id}>
              {r.path}
            </option>
          ))}
        </select>
      </label>
      <p>{t(kind === 'merge' ? 'codes.mergeExplain' : 'codes.moveClaimsExplain', { name: tag.name, count: counts.get(tag.id) ?? 0 })}</p>
    </ConfirmDialog>
  );
}
