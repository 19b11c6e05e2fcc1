/** How the Agreement view writes its figures: percentages and coefficients in the reader's language. */
const cache = new Map<string, Intl.NumberFormat>();

function format(language: string, style: 'percent' | 'coefficient'): Intl.NumberFormat {
  const key = `${language}:${style}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(language, style === 'percent' ? { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 } : { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    cache.set(key, f);
  }
  return f;
}

/** An undefined figure (no units, or no variation to measure against) is a dash, never 0. */
export const NO_FIGURE = '—';

export function percentText(language: string, x: number | null): string {
  return x === null ? NO_FIGURE : format(language, 'percent').format(x);
}

export function coefficientText(language: string, x: number | null): string {
  return x === null ? NO_FIGURE : format(language, 'coefficient').format(x);
}
