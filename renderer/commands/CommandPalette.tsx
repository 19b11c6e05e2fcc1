import { useMemo, useRef, useState } from 'react';
import { COMMANDS, type CommandId } from '../../shared/commands';
import { useT } from '../i18n/I18n';
import type { MessageKey } from '../i18n/en';
import { Dialog } from '../ui/Dialog';
import { formatAccelerator } from './keys';

interface Props {
  enabled(id: CommandId): boolean;
  run(id: CommandId): void;
  onClose(): void;
}

/** Every command with its shortcut, filtered as you type; Enter runs the highlighted one. */
export function CommandPalette({ enabled, run, onClose }: Props) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const list = useRef<HTMLUListElement>(null);
  const items = useMemo(() => {
    const q = query.trim().toLowerCase();
    return COMMANDS.filter((c) => c.id !== 'palette.open')
      .map((c) => ({ ...c, title: t(`command.${c.id}` as MessageKey) }))
      .filter((c) => !q || c.title.toLowerCase().includes(q) || c.id.includes(q));
  }, [query, t]);
  const pick = (id: CommandId) => {
    onClose();
    // After the dialog has closed, so a command that opens a dialog of its own can.
    setTimeout(() => run(id), 0);
  };
  return (
    <Dialog title={t('palette.title')} onClose={onClose}>
      <div className="dialog-body palette">
        <input
          data-autofocus
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-activedescendant={items[active] ? `cmd-${items[active].id}` : undefined}
          placeholder={t('palette.placeholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setActive((i) => Math.min(items.length - 1, i + 1));
            else if (e.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
            else if (e.key === 'Enter' && items[active] && enabled(items[active].id)) pick(items[active].id);
            else return;
            e.preventDefault();
          }}
        />
        <ul id="palette-list" role="listbox" ref={list} aria-label={t('palette.title')}>
          {items.map((c, i) => (
            <li
              key={c.id}
              id={`cmd-${c.id}`}
              role="option"
              aria-selected={i === active}
              aria-disabled={!enabled(c.id)}
              className={i === active ? 'active' : undefined}
              onMouseEnter={() => setActive(i)}
              onClick={() => enabled(c.id) && pick(c.id)}
            >
              <span>{c.title}</span>
              {'accelerator' in c && c.accelerator ? <kbd>{formatAccelerator(c.accelerator)}</kbd> : null}
            </li>
          ))}
        </ul>
      </div>
    </Dialog>
  );
}
