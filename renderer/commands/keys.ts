/** Whether the app runs on a Mac, where CmdOrCtrl means ⌘. */
export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Punctuation keys by their place on the keyboard: Shift and other layouts change `e.key` for them. */
const PUNCTUATION_CODES: Record<string, string> = { ',': 'Comma', '\\': 'Backslash' };

/** Does a key event match an Electron-style accelerator ("Shift+CmdOrCtrl+F", "L", "Delete")? */
export function matchesAccelerator(accelerator: string, e: KeyboardEvent): boolean {
  const parts = accelerator.split('+');
  const key = parts.pop()!;
  const want = { ctrl: false, meta: false, shift: false, alt: false };
  for (const p of parts) {
    if (p === 'CmdOrCtrl') want[IS_MAC ? 'meta' : 'ctrl'] = true;
    else if (p === 'Ctrl') want.ctrl = true;
    else if (p === 'Cmd') want.meta = true;
    else if (p === 'Shift') want.shift = true;
    else if (p === 'Alt') want.alt = true;
  }
  if (e.ctrlKey !== want.ctrl || e.metaKey !== want.meta || e.shiftKey !== want.shift || e.altKey !== want.alt) return false;
  // e.code survives keyboard layouts (Ctrl+Z on a Russian layout still undoes).
  const punctuation = PUNCTUATION_CODES[key];
  if (punctuation) return e.code === punctuation;
  if (key.length === 1) return e.code === `Key${key.toUpperCase()}` || e.code === `Digit${key}` || e.key.toLowerCase() === key.toLowerCase();
  return e.key === key;
}

/** The accelerator as people read it on this platform. */
export function formatAccelerator(accelerator: string): string {
  const order = ['CmdOrCtrl', 'Ctrl', 'Cmd', 'Alt', 'Shift'];
  const parts = accelerator.split('+');
  const key = parts.pop()!;
  return [...parts.sort((a, b) => order.indexOf(a) - order.indexOf(b)), key]
    .map((p) => (p === 'CmdOrCtrl' ? (IS_MAC ? '⌘' : 'Ctrl') : p === 'Shift' && IS_MAC ? '⇧' : p === 'Alt' && IS_MAC ? '⌥' : p))
    .join(IS_MAC ? '' : '+');
}

/** Whether `target` is inside a source pane's read-only text. */
export function inSourcePane(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('.source-text') !== null;
}

/** True when typing goes into a field: shortcuts without modifiers must not fire there. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (inSourcePane(target)) return false; // source panes are read-only
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}
