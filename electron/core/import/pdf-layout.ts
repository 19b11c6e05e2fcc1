/**
 * From positioned text runs (what PDF.js reports for each page) to reading text: lines, columns in
 * reading order, paragraphs, words hyphenated across line ends joined, and running headers, footers
 * and page numbers dropped. Pure geometry, no PDF parsing: PDF coordinates, y grows upwards.
 */

/** One run of text on a page: its baseline origin, advance width and font size, in PDF points. */
export interface PdfRun {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** A piece of one line: runs on one baseline with no column gap between them. */
interface Line {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

export interface LaidOutText {
  /** Paragraphs separated by a blank line. */
  text: string;
  /** Offset (UTF-16) where each page's text starts; page n (1-based) starts at pageStarts[n - 1]. */
  pageStarts: number[];
}

/** A horizontal gap this many font sizes wide separates columns, never words. */
const COLUMN_GAP = 1.2;
/** Lines further apart than this many times the usual line pitch start a new paragraph. */
const PARAGRAPH_GAP = 1.35;
/** How many lines at the top and at the bottom of a page may be a running header or footer. */
const MARGIN_LINES = 2;

const median = (values: number[]): number => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** Runs grouped into lines: same baseline (within a third of the font size), split at column gaps. */
function linesOf(runs: readonly PdfRun[]): Line[] {
  const sorted = runs.filter((r) => r.str.length > 0 && r.size > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfRun[][] = [];
  for (const run of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - run.y) <= row[0]!.size / 3) row.push(run);
    else rows.push([run]);
  }
  const lines: Line[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let line: Line | null = null;
    for (const run of row) {
      const gap = line ? run.x - line.x1 : 0;
      if (line && gap < COLUMN_GAP * Math.max(line.size, run.size)) {
        // A visible gap without a space in either run is a space the PDF left out.
        const joiner = gap > run.size * 0.15 && !/\s$/.test(line.text) && !/^\s/.test(run.str) ? ' ' : '';
        line.text += joiner + run.str;
        line.x1 = Math.max(line.x1, run.x + run.width);
        line.size = Math.max(line.size, run.size);
      } else {
        line = { text: run.str, x0: run.x, x1: run.x + run.width, y: run.y, size: run.size };
        lines.push(line);
      }
    }
  }
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() })).filter((l) => l.text.length > 0);
}

/** The horizontal extents lines cover, merged where they overlap, left to right. */
type Coverage = readonly (readonly [number, number])[];

function cover(coverage: Coverage, lines: readonly Line[]): Coverage {
  const spans = [...coverage, ...lines.map((l) => [l.x0, l.x1] as const)].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [x0, x1] of spans) {
    const last = merged[merged.length - 1];
    if (last && x0 <= last[1]) last[1] = Math.max(last[1], x1);
    else merged.push([x0, x1]);
  }
  return merged;
}

/** The widest empty vertical strip of at least `minGap` between covered extents, as [left, right], or null. */
function gutter(coverage: Coverage, minGap: number): [number, number] | null {
  let best: [number, number] | null = null;
  for (let i = 1; i < coverage.length; i++) {
    const left = coverage[i - 1]![1];
    const right = coverage[i]![0];
    if (right - left >= minGap && (!best || right - left > best[1] - best[0])) best = [left, right];
  }
  return best;
}

/**
 * Lines in reading order. Consecutive rows are grouped while they share a gutter (a column layout);
 * a row that spans the gutter (a title across both columns) ends the group. A group with a gutter
 * is read column by column, each column the same way (columns may nest).
 */
function readingOrder(lines: readonly Line[]): Line[] {
  const minGap = COLUMN_GAP * median(lines.map((l) => l.size));
  const rows: Line[][] = [];
  for (const line of [...lines].sort((a, b) => b.y - a.y || a.x0 - b.x0)) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - line.y) <= row[0]!.size / 3) row.push(line);
    else rows.push([line]);
  }
  const out: Line[] = [];
  let group: Line[] = [];
  let coverage: Coverage = [];
  const flush = (): void => {
    const cut = group.length > 1 ? gutter(coverage, minGap) : null;
    if (!cut) out.push(...group);
    else {
      const middle = (cut[0] + cut[1]) / 2;
      out.push(...readingOrder(group.filter((l) => l.x1 <= middle)), ...readingOrder(group.filter((l) => l.x1 > middle)));
    }
    group = [];
    coverage = [];
  };
  for (const row of rows) {
    const widened = cover(coverage, row);
    if (group.length > 0 && !gutter(widened, minGap)) {
      flush();
      coverage = cover([], row);
    } else {
      coverage = widened;
    }
    group.push(...row);
  }
  flush();
  return out;
}

/** Digits stand for any number, so "Page 3 of 9" on one page matches "Page 4 of 9" on the next. */
const marginKey = (text: string): string => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');

/**
 * Lines at the top or bottom of the page that repeat on most pages: running headers, footers and
 * page numbers. A line counts once per page; "most" is more than half the pages and at least two.
 */
function runningLines(pages: readonly Line[][]): Set<string> {
  const seen = new Map<string, number>();
  for (const lines of pages) {
    const byHeight = [...lines].sort((a, b) => b.y - a.y);
    const margins = [...byHeight.slice(0, MARGIN_LINES), ...byHeight.slice(-MARGIN_LINES)];
    for (const key of new Set(margins.map((l) => marginKey(l.text)))) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.floor(pages.length / 2) + 1);
  return new Set([...seen].filter(([, count]) => count >= needed).map(([key]) => key));
}

/** A line's last word broken with a hyphen before a word that goes on in lower case: «инвести-» + «ций». */
const HYPHENATED = /\p{L}[-\u00ad\u2010]$/u;
const GOES_ON = /^\p{Ll}/u;
/** A line that ends a sentence cannot be continued on the next page. */
const ENDS_SENTENCE = /[.!?…:;»"”)]$/u;

/**
 * A paragraph assembled line by line. It is kept as pieces, so each join looks at the last line
 * only: joining onto one growing string would copy the paragraph for every line.
 */
class Paragraph {
  private readonly pieces: string[];
  length: number;

  constructor(
    first: string,
    /** Offset of the paragraph in the whole text. */
    readonly start: number,
  ) {
    this.pieces = [first];
    this.length = first.length;
  }

  private get tail(): string {
    return this.pieces[this.pieces.length - 1]!;
  }

  /** Whether a paragraph cut by a column or page break goes on with `line`: it ended no sentence and the line starts in lower case. */
  goesOnWith(line: Line): boolean {
    return !ENDS_SENTENCE.test(this.tail) && GOES_ON.test(line.text);
  }

  /**
   * Appends the next line and returns the offset (in the whole text) where it lands:
   * «инвести-» + «ций» → «инвестиций»; «Северо-» + «Западный» → «Северо-Западный» (a compound
   * keeps its hyphen); any other line break is a space.
   */
  add(next: string): number {
    const tail = this.tail;
    let kept = tail;
    let glue = ' ';
    if (HYPHENATED.test(tail) && GOES_ON.test(next)) {
      kept = tail.slice(0, -1);
      glue = '';
    } else if (HYPHENATED.test(tail) && /^\p{Lu}/u.test(next)) {
      kept = tail.replace(/[\u00ad\u2010]$/u, '-');
      glue = '';
    }
    this.pieces[this.pieces.length - 1] = kept;
    this.pieces.push(glue + next);
    this.length += kept.length - tail.length + glue.length + next.length;
    return this.start + this.length - next.length;
  }

  text(): string {
    return this.pieces.join('');
  }
}

/** Lays out every page's runs as one text with its page map. */
export function layOutPages(pages: readonly (readonly PdfRun[])[]): LaidOutText {
  const pageLines = pages.map(linesOf);
  const running = runningLines(pageLines);
  const paragraphs: string[] = [];
  const pageStarts: number[] = [];
  // Where the next paragraph will start, and the paragraph in progress.
  let length = 0;
  let current: Paragraph | null = null;
  const close = (): void => {
    if (current === null) return;
    paragraphs.push(current.text());
    length = current.start + current.length + 2;
    current = null;
  };

  for (const lines of pageLines) {
    const body = readingOrder(lines.filter((l) => !running.has(marginKey(l.text))));
    const pitch = median(body.slice(1).map((l, i) => body[i]!.y - l.y).filter((d) => d > 0)) || median(body.map((l) => l.size)) * 1.2;
    // A paragraph that ran to the foot of the previous page goes on here when it did not end a sentence.
    const continues = body.length > 0 && current !== null && current.goesOnWith(body[0]!);
    if (!continues) {
      close();
      pageStarts.push(length);
    }
    let previous: Line | null = null;
    for (const line of body) {
      const paragraph: Paragraph | null = current;
      const newParagraph =
        paragraph === null ||
        (previous === null
          ? !continues
          : line.y >= previous.y
            ? !paragraph.goesOnWith(line) // the top of the next column
            : previous.y - line.y > PARAGRAPH_GAP * pitch ||
              Math.abs(line.size - previous.size) > previous.size * 0.15 ||
              line.x0 - previous.x0 > line.size); // a first-line indent
      if (newParagraph || paragraph === null) {
        close();
        current = new Paragraph(line.text, length);
      } else {
        const at = paragraph.add(line.text);
        // The page starts where its first line lands in the paragraph it continues.
        if (previous === null) pageStarts.push(at);
      }
      previous = line;
    }
  }
  close();
  const text = paragraphs.join('\n\n');
  return { text, pageStarts: pageStarts.map((s) => Math.min(s, text.length)) };
}
