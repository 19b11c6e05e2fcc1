import { useEffect, useRef } from 'react';
import { flushSync } from 'react-dom';
import { COMMANDS, type CommandId } from '../../shared/commands';
import { getTransport } from '../api/client';
import { linkMode } from '../links/linkMode';
import { inSourcePane, isTextEntry, matchesAccelerator } from './keys';

export interface CommandHandler {
  run(): void;
  /** Whether the command can run now (no project → no import); default true. */
  enabled?(): boolean;
}

export type CommandHandlers = Record<CommandId, CommandHandler>;

/** Every command, from a key, the menu or the palette, runs through here: so every one of them but a few ends link mode. */
function perform(id: CommandId, h: CommandHandler) {
  if (!COMMANDS.find((c) => c.id === id && 'keepsLinkMode' in c && c.keepsLinkMode)) linkMode.end();
  h.run();
}

/**
 * Binds the command table to the keyboard and the desktop menu. Handlers are read through a ref,
 * so the listeners are installed once and always see the current state.
 */
export function useCommands(handlers: CommandHandlers) {
  const ref = useRef(handlers);
  ref.current = handlers;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing) return;
      // Lexical handles Ctrl+Z, Delete and the like even in a read-only source pane, and marks them
      // handled there although they change nothing: a key pressed in a pane is still the app's.
      if (e.defaultPrevented && !inSourcePane(e.target)) return;
      for (const c of COMMANDS) {
        const keys = ['accelerator' in c ? c.accelerator : undefined, ...('alsoKeys' in c ? c.alsoKeys : [])].filter(Boolean) as string[];
        if (!keys.some((k) => matchesAccelerator(k, e))) continue;
        const plain = !e.ctrlKey && !e.metaKey && !e.altKey;
        // Plain keys (L, Delete) and undo/redo belong to a text field while one has focus.
        if ((plain || c.id === 'edit.undo' || c.id === 'edit.redo' || c.id === 'documents.paste') && isTextEntry(e.target)) return;
        const h = ref.current[c.id];
        if (h.enabled && !h.enabled()) return;
        e.preventDefault();
        // A window listener is outside React's event system: render at once, so a click that
        // follows the key (L, then the claim to link) already sees the new state.
        flushSync(() => perform(c.id, h));
        return;
      }
    };
    window.addEventListener('keydown', onKey);
    const offMenu = getTransport().onCommand((id) => {
      const h = ref.current[id];
      if (!h) return;
      // The desktop menu's Undo/Redo also serve text fields, as native menus do.
      if ((id === 'edit.undo' || id === 'edit.redo') && isTextEntry(document.activeElement)) {
        document.execCommand(id === 'edit.undo' ? 'undo' : 'redo');
        return;
      }
      if (!h.enabled || h.enabled()) perform(id, h);
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      offMenu();
    };
  }, []);

  return (id: CommandId) => {
    const h = ref.current[id];
    if (!h.enabled || h.enabled()) perform(id, h);
  };
}
