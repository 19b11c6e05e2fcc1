import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { UiLanguage } from '../../shared/contract';
import { en, type MessageKey } from './en';
import { formatMessage } from './format';
import { ru } from './ru';

const dictionaries: Record<UiLanguage, Record<MessageKey, string>> = { en, ru };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const I18nContext = createContext<{ language: UiLanguage; t: Translate }>({
  language: 'en',
  t: (key) => en[key],
});

export function I18nProvider({ language, children }: { language: UiLanguage; children: ReactNode }) {
  const t = useCallback<Translate>(
    (key, vars) => {
      const template = dictionaries[language][key] ?? en[key];
      return formatMessage(language, template, vars);
    },
    [language],
  );
  // A new value object on every render of the app would re-render every component that translates
  // (all six thousand cells of a large matrix) on any change anywhere.
  const value = useMemo(() => ({ language, t }), [language, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT(): Translate {
  return useContext(I18nContext).t;
}

export function useLanguage(): UiLanguage {
  return useContext(I18nContext).language;
}
