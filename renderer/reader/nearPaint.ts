import { paintPane } from './highlights';
import type { OffsetMap } from './offsets';

/** A claim to paint: where it is in the text and the highlights it goes into. */
export interface PaintItem {
  start: number;
  end: number;
  names: readonly string[];
}

/** Screens of text painted above and below the one shown. */
const REACH = 1;
/** The view may come this close (in screens) to the painted band's edge before the band moves. */
const SLACK = 0.5;

/**
 * Paints a pane's claims near what it shows, not all of them. Chromium checks every registered
 * highlight range again after any change to the page's DOM, anywhere in it: about 7 µs a range in
 * each frame that changes anything, so a document with a thousand claims cost 8 ms in every frame
 * of typing, rating or drawing elsewhere in the app. Here the claims within a screen above and
 * below the view are registered; scrolling moves that band once the view nears its edge, so the
 * text is always painted where the reader can see it. `always` items (the selection, a pending
 * claim) are painted wherever they are.
 */
export class NearPaint {
  private items: readonly PaintItem[] = [];
  private always: readonly PaintItem[] = [];
  /** The offsets painted now; null paints everything (before the text is laid out). */
  private band: { start: number; end: number } | null = null;
  /** How many ranges are registered now. */
  registered = 0;

  constructor(
    private readonly paneKey: string,
    private readonly map: OffsetMap,
    private readonly scroller: HTMLElement,
  ) {}

  /** New claims to paint (any change to the claims, their tags, the selection). */
  set(items: readonly PaintItem[], always: readonly PaintItem[]): void {
    this.items = items;
    this.always = always;
    this.paint();
  }

  /** After a scroll or a resize: moves the painted band when the view came near its edge. */
  follow(): void {
    const view = this.span(SLACK);
    const band = this.band;
    if (band && view && view.start >= band.start && view.end <= band.end) return;
    this.paint();
  }

  private paint(): void {
    this.band = this.span(REACH);
    const band = this.band;
    const byName = new Map<string, Range[]>();
    let registered = 0;
    const add = (item: PaintItem) => {
      const range = this.map.range(item.start, item.end);
      if (!range) return;
      registered++;
      for (const name of item.names) {
        const list = byName.get(name);
        if (list) list.push(range);
        else byName.set(name, [range]);
      }
    };
    for (const item of this.items) if (!band || (item.end >= band.start && item.start <= band.end)) add(item);
    for (const item of this.always) add(item);
    this.registered = registered;
    paintPane(this.paneKey, byName);
  }

  /** The text offsets shown in the pane, stretched by `screens` of its height above and below. */
  private span(screens: number): { start: number; end: number } | null {
    const box = this.scroller.getBoundingClientRect();
    if (box.height === 0) return null;
    return this.map.spanBetween(box.top - screens * box.height, box.bottom + screens * box.height);
  }
}
