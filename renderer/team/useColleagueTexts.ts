import { useEffect, useState, type RefObject } from 'react';
import { useTeamStore } from './store';

/**
 * A count that grows when colleagues' words were written into notes, memos or the summary, for an
 * open rich-text field to load its text again. While the user is in the field it waits until
 * focus leaves it: loading again would move the caret under their fingers, and nothing is lost by
 * waiting (a save sends only the user's own change, so the colleague's words stay).
 */
export function useColleagueTexts(field: RefObject<HTMLElement | null>): number {
  const texts = useTeamStore((s) => s.status.texts);
  const [shown, setShown] = useState(texts);
  useEffect(() => {
    if (texts === shown) return;
    const el = field.current;
    const inside = () => el !== null && el.contains(document.activeElement);
    if (!inside()) {
      setShown(texts);
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    // focusout fires before the next element has focus: look once it has.
    const onOut = () => {
      timer = setTimeout(() => {
        if (!inside()) setShown(texts);
      }, 0);
    };
    el!.addEventListener('focusout', onOut);
    return () => {
      el!.removeEventListener('focusout', onOut);
      clearTimeout(timer);
    };
  }, [texts, shown, field]);
  return shown;
}
