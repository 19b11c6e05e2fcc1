import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { MENU_COMMANDS, type CommandId, type CommandSpec } from '../../shared/commands';
import { getTransport } from '../api/client';
import { useT } from '../i18n/I18n';
import type { MessageKey } from '../i18n/en';
import { formatAccelerator } from '../commands/keys';

/** Browser mode has no native menu: this bar takes its place. The desktop keeps its own (electron/menu.ts). */
export const isBrowserMode = (): boolean => getTransport().kind === 'http';

type MenuName = 'file' | 'edit' | 'view' | 'help';

/**
 * The menus, laid out as the desktop menu lays them out off macOS: Settings at the end of File.
 * Built from the same command table, so a command added there appears here too.
 */
function menus(): { name: MenuName; items: CommandSpec[] }[] {
  const inMenu = (m: CommandSpec['menu']) => MENU_COMMANDS.filter((c) => c.menu === m) as CommandSpec[];
  return [
    { name: 'file', items: [...inMenu('file'), ...inMenu('settings')] },
    { name: 'edit', items: inMenu('edit') },
    { name: 'view', items: inMenu('view') },
    { name: 'help', items: inMenu('help') },
  ];
}

export function MenuBar({ run, enabled }: { run(id: CommandId): void; enabled(id: CommandId): boolean }) {
  const t = useT();
  const [open, setOpen] = useState<MenuName | null>(null);
  const bar = useRef<HTMLElement>(null);
  const all = menus();

  // A click anywhere else closes the open menu, as a native menu does.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!bar.current?.contains(e.target as Node)) setOpen(null);
    };
    window.addEventListener('mousedown', onDown);
    return () => window.removeEventListener('mousedown', onDown);
  }, [open]);

  // Opening a menu puts the keyboard on its first item.
  useEffect(() => {
    if (open) bar.current?.querySelector<HTMLElement>(`[data-menu="${open}"] .menubar-items [role="menuitem"]:not([disabled])`)?.focus();
  }, [open]);

  const onMenuKey = (e: ReactKeyboardEvent<HTMLElement>, name: MenuName) => {
    const items = [...(e.currentTarget.querySelectorAll<HTMLElement>('.menubar-items [role="menuitem"]:not([disabled])') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const step = (d: number) => items[(at + d + items.length) % items.length]?.focus();
    const sideways = (d: number) => setOpen(all[(all.findIndex((m) => m.name === name) + d + all.length) % all.length]!.name);
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setOpen(null);
      bar.current?.querySelector<HTMLElement>(`[data-menu="${name}"] > button`)?.focus();
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      step(1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      step(-1);
    } else if (e.key === 'ArrowRight') {
      e.preventDefault();
      sideways(1);
    } else if (e.key === 'ArrowLeft') {
      e.preventDefault();
      sideways(-1);
    }
  };

  return (
    <nav className="menubar" role="menubar" aria-label={t('menubar.label')} ref={bar}>
      {all.map(({ name, items }) => (
        <div key={name} className="menubar-menu" data-menu={name} onKeyDown={(e) => onMenuKey(e, name)}>
          <button
            type="button"
            role="menuitem"
            aria-haspopup="menu"
            aria-expanded={open === name}
            className={open === name ? 'open' : undefined}
            onClick={() => setOpen(open === name ? null : name)}
            onMouseEnter={() => open && open !== name && setOpen(name)}
          >
            {t(`menubar.${name}` as MessageKey)}
          </button>
          {open === name ? (
            <ul role="menu" aria-label={t(`menubar.${name}` as MessageKey)} className="menubar-items">
              {items.map((c) => (
                <li key={c.id} role="none">
                  <button
                    type="button"
                    role="menuitem"
                    disabled={!enabled(c.id as CommandId)}
                    onClick={() => {
                      setOpen(null);
                      run(c.id as CommandId);
                    }}
                  >
                    <span>{t(`command.${c.id}` as MessageKey)}</span>
                    {c.accelerator ? <kbd>{formatAccelerator(c.accelerator)}</kbd> : null}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ))}
    </nav>
  );
}
