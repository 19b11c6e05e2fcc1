import { describe, expect, it } from 'vitest';
import { followDeltas } from '../../../renderer/connectors/follow';
import { layoutConnectors, type Box, type LinkEnds, type PaneGeometry } from '../../../renderer/connectors/geometry';
import { relationColor, relationIsDirected } from '../../../shared/relation-colors';

const paneAt = (documentId: string, order: number): PaneGeometry => {
  const left = order * 500;
  return { documentId, order, viewport: { left, top: 100, right: left + 480, bottom: 700 }, column: { left: left + 40, top: 100, right: left + 440, bottom: 5000 } };
};
const rect = (left: number, top: number, right = left + 200, height = 20): Box => ({ left, top, right, bottom: top + height });
const link = (id: string, fromId: string, fromDocumentId: string, toId: string, toDocumentId: string): LinkEnds => ({ id, fromId, toId, fromDocumentId, toDocumentId });

describe('connectors between panes', () => {
  const panes = [paneAt('A', 0), paneAt('B', 1), paneAt('C', 2)];

  it('a connector starts on the source claim and ends on the target claim, whichever pane is on the left', () => {
    const rects = new Map([
      ['a', rect(100, 200)],
      ['b', rect(560, 400)],
    ]);
    const right = layoutConnectors(panes, [link('l1', 'a', 'A', 'b', 'B')], rects).connectors[0]!;
    expect(right.from).toEqual({ x: 300, y: 219 });
    expect(right.to).toEqual({ x: 560, y: 419 });
    expect(right.path.startsWith('M300,219')).toBe(true);
    expect(right.path.endsWith('L560,419')).toBe(true);
    // The same link drawn from the right pane's claim to the left one's: the path runs backwards.
    const back = layoutConnectors(panes, [link('l2', 'b', 'B', 'a', 'A')], rects).connectors[0]!;
    expect(back.from).toEqual({ x: 560, y: 419 });
    expect(back.path.startsWith('M560,419')).toBe(true);
    expect(back.path.endsWith('L300,219')).toBe(true);
  });

  it('an end scrolled out of view gets a marker on the edge facing the other pane, saying whether it is above or below', () => {
    const rects = new Map([
      ['a', rect(100, 200)],
      ['b', rect(560, 900)],
      ['c', rect(1060, 20, 1260, 30)],
    ]);
    const out = layoutConnectors(panes, [link('down', 'a', 'A', 'b', 'B'), link('up', 'c', 'C', 'b', 'B'), link('left', 'a', 'A', 'c', 'C')], rects);
    expect(out.connectors).toEqual([]);
    const down = out.markers.find((m) => m.linkId === 'down')!;
    expect(down).toMatchObject({ shownId: 'a', hiddenId: 'b', where: 'below', side: 'right', x: 440 });
    // "c" in the third pane is above its viewport, "a" is on screen: the marker is on A's right edge.
    expect(out.markers.find((m) => m.linkId === 'left')).toMatchObject({ shownId: 'a', hiddenId: 'c', where: 'above', side: 'right' });
    // Nothing is drawn for a link with neither end on screen.
    expect(out.markers.some((m) => m.linkId === 'up')).toBe(false);
  });

  it('a claim known to be far out of view without being measured counts as above or below', () => {
    const rects = new Map<string, Box | 'above' | 'below'>([
      ['a', rect(100, 200)],
      ['b', 'above'],
    ]);
    expect(layoutConnectors(panes, [link('l', 'a', 'A', 'b', 'B')], rects).markers[0]).toMatchObject({ where: 'above', side: 'right' });
  });

  it('a link into a document that is not open shows a marker that will open it, and markers of one claim do not cover each other', () => {
    const rects = new Map([['b', rect(560, 300)]]);
    const out = layoutConnectors([paneAt('B', 1)], [link('x', 'b', 'B', 'z1', 'Z'), link('y', 'z2', 'Z', 'b', 'B')], rects);
    expect(out.markers.map((m) => m.where)).toEqual(['closed', 'closed']);
    expect(out.markers[0]!.side).toBe('right');
    expect(out.markers[1]!.y).toBeGreaterThan(out.markers[0]!.y);
  });

  it('a link within one document draws no connector (its margin marker shows it)', () => {
    const rects = new Map([
      ['a', rect(100, 200)],
      ['a2', rect(100, 300)],
    ]);
    expect(layoutConnectors(panes, [link('same', 'a', 'A', 'a2', 'A')], rects)).toEqual({ connectors: [], markers: [] });
  });
});

describe('follow links', () => {
  const panes = [paneAt('A', 0), paneAt('B', 1)];

  it('the other pane scrolls by the distance between the link ends nearest the reading line', () => {
    const rects = new Map([
      ['near', rect(100, 290)],
      ['nearB', rect(560, 1290)],
      ['far', rect(100, 650)],
      ['farB', rect(560, 150)],
    ]);
    const deltas = followDeltas(panes[0]!, panes, [link('l1', 'far', 'A', 'farB', 'B'), link('l2', 'nearB', 'B', 'near', 'A')], rects, () => undefined);
    expect(deltas).toEqual(new Map([['B', 1000]]));
    // The far end not measured yet (known only to be below): it is measured for the alignment.
    const unmeasured = new Map<string, Box | 'below'>([...rects, ['nearB', 'below']]);
    const measured = followDeltas(panes[0]!, panes, [link('l2', 'nearB', 'B', 'near', 'A')], unmeasured, (id) => (id === 'nearB' ? rect(560, 1790) : undefined));
    expect(measured).toEqual(new Map([['B', 1500]]));
  });

  it('a pane with no link to the scrolled one, or whose linked claims are off screen, stays where it is', () => {
    const rects = new Map([
      ['off', rect(100, 900)],
      ['offB', rect(560, 200)],
    ]);
    expect(followDeltas(panes[0]!, panes, [link('l', 'off', 'A', 'offB', 'B')], rects, () => rect(560, 200)).size).toBe(0);
  });
});

describe('relation colours', () => {
  it('a user relation keeps one colour across sessions, distinct from the built-in ones', () => {
    const own = { id: '5b68f9a9-73dc-4bf2-a539-9d2d6fdcad6b', builtin: null };
    expect(relationColor(own)).toBe(relationColor({ ...own }));
    const builtins = ['supports', 'contradicts', 'elaborates', 'same-claim'].map((b) => relationColor({ id: 'x', builtin: b }));
    expect(new Set(builtins).size).toBe(4);
    expect(builtins).not.toContain(relationColor(own));
    expect(relationIsDirected({ symmetric: false })).toBe(true);
    expect(relationIsDirected({ symmetric: true })).toBe(false);
  });
});
