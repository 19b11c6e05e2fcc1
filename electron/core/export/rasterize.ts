/**
 * A figure as a PNG, for formats that cannot hold SVG (DOCX): the SVG is laid on an otherwise
 * empty page and headless Chromium takes a screenshot of exactly its size. The page has the
 * dossier's CSP (no scripts, no requests), and the SVG comes from our own renderer.
 */
import { DOSSIER_CSP } from './html';
import { findChromium, runHeadless } from './chromium';

/** Widest picture made, in CSS pixels (twice that in device pixels): a page's width at print quality. */
export const MAX_FIGURE_WIDTH = 1400;
const MAX_FIGURE_HEIGHT = 4000;

export interface Png {
  data: Buffer;
  /** CSS pixels, before the device scale: the picture's size on the page. */
  width: number;
  height: number;
}

/** Renders an SVG with `width`/`height` attributes to PNG, scaled down to fit {@link MAX_FIGURE_WIDTH}. */
export async function svgToPng(svg: string, chromium = findChromium()): Promise<Png> {
  const w = Number(/\swidth="([\d.]+)"/.exec(svg)?.[1] ?? 800);
  const h = Number(/\sheight="([\d.]+)"/.exec(svg)?.[1] ?? 600);
  const scale = Math.min(1, MAX_FIGURE_WIDTH / w, MAX_FIGURE_HEIGHT / h);
  const width = Math.max(1, Math.round(w * scale));
  const height = Math.max(1, Math.round(h * scale));
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${DOSSIER_CSP}">
<style>html,body{margin:0;padding:0;background:#fff;overflow:hidden}svg{display:block;width:${width}px;height:${height}px}</style></head><body>${svg}</body></html>`;
  const data = await runHeadless(chromium, html, 'figure.png', 60_000, 'a PNG figure', [
    '--hide-scrollbars',
    '--force-device-scale-factor=2',
    `--window-size=${width},${height}`,
    '--screenshot=OUTPUT',
  ]);
  return { data, width, height };
}
