import { useState } from 'react';
import type { RelationType } from '../../shared/contract';
import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { Dialog } from '../ui/Dialog';
import { relationNames } from './relationLabel';

/**
 * The kinds of link between claims: the four built-ins and the analyst's own, each with the label
 * read from its target ("is caused by") unless it reads the same both ways.
 */
export function RelationManager({ onClose }: { onClose(): void }) {
  const t = useT();
  const { state, actions } = useWorkspace();
  const [name, setName] = useState('');
  const [inverse, setInverse] = useState('');
  const [symmetric, setSymmetric] = useState(false);
  const save = async (fn: () => Promise<unknown>) => {
    const done = await actions.guard(async () => {
      await fn();
      return true;
    });
    await actions.refresh('relations');
    return done === true;
  };
  return (
    <Dialog title={t('relations.title')} onClose={onClose} wide>
      <div className="dialog-body">
        <div className="relation-grid relation-head" aria-hidden="true">
          <span>{t('relations.colName')}</span>
          <span>{t('relations.colInverse')}</span>
        </div>
        <ul className="relation-rows">
          {state.relations.map((r) => (
            <RelationRow key={`${r.id}-${r.modifiedAt}`} relation={r} save={save} />
          ))}
        </ul>
        <form
          className="relation-grid relation-add"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!name.trim()) return;
            const ok = await save(() =>
              call('relations.create', { name: name.trim(), symmetric, ...(inverse.trim() && !symmetric ? { inverseName: inverse.trim() } : {}) }),
            );
            if (ok) {
              setName('');
              setInverse('');
              setSymmetric(false);
            }
          }}
        >
          <input value={name} maxLength={80} onChange={(e) => setName(e.target.value)} placeholder={t('relations.name')} aria-label={t('relations.newName')} />
          <input value={symmetric ? name : inverse} disabled={symmetric} maxLength={80} onChange={(e) => setInverse(e.target.value)} placeholder={t('relations.inverse')} aria-label={t('relations.newInverse')} />
          <button type="submit" className="primary" disabled={!name.trim()}>
            {t('relations.add')}
          </button>
          <label className="check relation-symmetric">
            <input type="checkbox" checked={symmetric} onChange={(e) => setSymmetric(e.target.checked)} /> {t('relations.symmetric')}
          </label>
        </form>
      </div>
    </Dialog>
  );
}

function RelationRow({ relation, save }: { relation: RelationType; save(fn: () => Promise<unknown>): Promise<boolean> }) {
  const t = useT();
  // A built-in shows its label in the UI's language; only an edit of that label renames it.
  const shown = relationNames(relation, t);
  const rename = (field: 'name' | 'inverseName') => async (e: React.FocusEvent<HTMLInputElement>) => {
    const input = e.target;
    const next = input.value.trim();
    if (!next || next === shown[field] || !(await save(() => call('relations.update', { id: relation.id, [field]: next })))) input.value = shown[field];
  };
  return (
    <li className="relation-grid">
      <input defaultValue={shown.name} maxLength={80} aria-label={t('relations.nameOf', { name: shown.name })} onBlur={rename('name')} />
      <input
        defaultValue={shown.inverseName}
        maxLength={80}
        disabled={relation.symmetric}
        aria-label={t('relations.inverseOf', { name: shown.name })}
        onBlur={rename('inverseName')}
      />
      <span className="muted small">{[relation.symmetric ? t('relations.bothWays') : '', relation.builtin ? t('relations.builtin') : ''].filter(Boolean).join(' · ')}</span>
      {relation.builtin ? (
        <span />
      ) : (
        <button type="button" className="icon danger" aria-label={t('relations.delete', { name: shown.name })} onClick={() => void save(() => call('relations.delete', { id: relation.id }))}>
          ×
        </button>
      )}
    </li>
  );
}
