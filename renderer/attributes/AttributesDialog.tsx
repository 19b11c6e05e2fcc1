import { useState } from 'react';
import { ATTRIBUTE_TYPES, type Attribute, type AttributeType } from '../../shared/attributes';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { Dialog } from '../ui/Dialog';
import { attributeName, parseChoices, typeName } from './attributeLabels';
import { useAttributes } from './AttributesContext';
import { ValueEditor } from './ValueEditor';

/** Defines the project's attributes and gives each document its values, in one table. */
export function AttributesDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const { state } = useWorkspace();
  const attrs = useAttributes();
  const readOnly = state.project?.readOnly ?? false;
  return (
    <Dialog title={t('attributes.title')} onClose={onClose} wide>
      <div className="dialog-body attributes-body">
        <p className="muted small">{t('attributes.intro')}</p>
        <ul className="attribute-defs" aria-label={t('attributes.definitions')}>
          {attrs.attributes.map((a) => (
            <DefinitionRow key={`${a.id}:${a.modifiedAt}`} attr={a} readOnly={readOnly} />
          ))}
        </ul>
        {readOnly ? null : <NewAttribute />}
        <div className="attribute-values-wrap">
          <table className="attribute-values">
            <caption>{t('attributes.valuesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('attributes.document')}</th>
                {attrs.attributes.map((a) => (
                  <th key={a.id} scope="col">
                    {attributeName(t, a)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {state.documents.map((d) => (
                <tr key={d.id}>
                  <th scope="row" title={d.title}>
                    {d.outlet || d.title}
                  </th>
                  {attrs.attributes.map((a) => (
                    <td key={a.id}>
                      <ValueEditor
                        key={`${a.id}:${attrs.documentValue(d.id, a.id) ?? ''}`}
                        attr={a}
                        value={attrs.documentValue(d.id, a.id)}
                        label={t('attributes.valueOf', { attribute: attributeName(t, a), document: d.outlet || d.title })}
                        onSave={(v) => attrs.setValue({ kind: 'document', id: d.id }, a.id, v)}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </Dialog>
  );
}

function DefinitionRow({ attr, readOnly }: { attr: Attribute; readOnly: boolean }) {
  const t = useT();
  const { update, remove } = useAttributes();
  const [name, setName] = useState(attr.name);
  const [choices, setChoices] = useState(attr.choices.join(' | '));
  const label = attributeName(t, attr);
  const fixed = readOnly || attr.builtin !== null;
  const saveName = () => {
    if (name.trim() && name.trim() !== attr.name) void update(attr.id, { name: name.trim() }).then((ok) => ok || setName(attr.name));
  };
  const saveChoices = () => {
    const list = parseChoices(choices);
    if (list.join('|') !== attr.choices.join('|')) void update(attr.id, { choices: list }).then((ok) => ok || setChoices(attr.choices.join(' | ')));
  };
  return (
    <li className="attribute-def">
      {fixed ? (
        <span className="attribute-name">{label}</span>
      ) : (
        <input aria-label={t('attributes.rename', { name: label })} value={name} onChange={(e) => setName(e.target.value)} onBlur={saveName} onKeyDown={(e) => e.key === 'Enter' && saveName()} />
      )}
      <span className="muted small">{typeName(t, attr.type)}</span>
      {attr.type === 'choice' ? (
        fixed ? (
          <span className="attribute-choices small">{attr.choices.join(' | ')}</span>
        ) : (
          <input
            className="attribute-choices"
            aria-label={t('attributes.choicesOf', { name: label })}
            value={choices}
            onChange={(e) => setChoices(e.target.value)}
            onBlur={saveChoices}
            onKeyDown={(e) => e.key === 'Enter' && saveChoices()}
          />
        )
      ) : (
        <span />
      )}
      {fixed ? (
        <span className="muted small">{attr.builtin ? t('attributes.builtin') : ''}</span>
      ) : (
        <button type="button" className="danger" aria-label={t('attributes.delete', { name: label })} onClick={() => void remove(attr.id)}>
          {t('common.delete')}
        </button>
      )}
    </li>
  );
}

function NewAttribute() {
  const t = useT();
  const { create } = useAttributes();
  const [name, setName] = useState('');
  const [type, setType] = useState<AttributeType>('choice');
  const [choices, setChoices] = useState('');
  const add = async () => {
    if (!name.trim()) return;
    const made = await create({ name: name.trim(), type, choices: type === 'choice' ? parseChoices(choices) : [] });
    if (made) {
      setName('');
      setChoices('');
    }
  };
  return (
    <form
      className="attribute-new"
      aria-label={t('attributes.new')}
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <input aria-label={t('attributes.newName')} placeholder={t('attributes.newName')} value={name} onChange={(e) => setName(e.target.value)} />
      <select aria-label={t('attributes.newType')} value={type} onChange={(e) => setType(e.target.value as AttributeType)}>
        {ATTRIBUTE_TYPES.map((ty) => (
          <option key={ty} value={ty}>
            {typeName(t, ty)}
          </option>
        ))}
      </select>
      {type === 'choice' ? (
        <input aria-label={t('attributes.newChoices')} placeholder={t('attributes.choicesPlaceholder')} value={choices} onChange={(e) => setChoices(e.target.value)} />
      ) : null}
      <button type="submit" disabled={!name.trim()}>
        {t('attributes.add')}
      </button>
    </form>
  );
}
