/** The timeline's geometry: claims at their source's date, one row per cluster, undated sources in a lane of their own. */
import { describe, expect, it } from 'vitest';
import { timelineLayout, UNTAGGED_COLOR } from '../../../shared/timeline';
import { svgString, timelineFigure } from '../../../shared/timeline-figure';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const CONTRADICTS = id(900);
const docs = [
  { id: id(1), date: '2025-11-07', title: 'Велизаде', outlet: 'Kazpravda.kz' },
  { id: id(2), date: null, title: 'Казанцев', outlet: 'Caravan.kz' },
  { id: id(3), date: '2026-03-02', title: 'Бадамов', outlet: 'Zakon.kz' },
];
const claims = [
  { id: id(11), documentId: id(3), tagIds: [id(51)] },
  { id: id(12), documentId: id(1), tagIds: [id(52), id(51)] },
  { id: id(13), documentId: id(2), tagIds: [] },
  { id: id(14), documentId: id(3), tagIds: [] },
  { id: id(15), documentId: id(1), tagIds: [] },
];
const input = {
  claims,
  documents: docs,
  tags: [
    { id: id(51), color: '#d08c00' },
    { id: id(52), color: '#2e7d5b' },
  ],
  clusters: [{ key: id(11), title: 'Казахстан <присоединяется>', memberIds: [id(11), id(12), id(13)] }],
  links: [{ fromId: id(14), toId: id(12), relationId: CONTRADICTS }],
  relations: [{ id: CONTRADICTS, builtin: 'contradicts' }],
  otherLabel: 'Not in a cluster',
};

describe('the timeline layout', () => {
  it('puts a cluster’s claims at their sources’ dates: the earliest source said it first, later and undated ones repeated it, a contradiction is marked', () => {
    const t = timelineLayout(input, { width: 900 });
    expect(t.labelsAbove).toBe(false);
    expect(t.rows.map((r) => [r.kind, r.label])).toEqual([
      ['cluster', 'Казахстан <присоединяется>'],
      ['other', 'Not in a cluster'],
    ]);
    const row = t.rows[0]!;
    const at = (claim: number) => row.points.find((p) => p.claimId === id(claim))!;
    // Kazpravda (2025-11-07) said it first, although its claim was made after Zakon's.
    expect(at(12)).toMatchObject({ role: 'first', date: '2025-11-07', color: '#d08c00' });
    expect(at(11)).toMatchObject({ role: 'repeat', date: '2026-03-02' });
    expect(at(13)).toMatchObject({ role: 'repeat', date: null, color: UNTAGGED_COLOR });
    expect(at(14)).toMatchObject({ role: 'contradicts', date: '2026-03-02' });
    // Earlier dates to the left; the undated lane right of the axis.
    expect(at(12).x).toBeLessThan(at(11).x);
    expect(at(11).x).toBeLessThanOrEqual(t.x1 + 16);
    expect(t.undatedX).not.toBeNull();
    expect(at(13).x).toBeGreaterThan(t.x1);
    // Two marks at one date stand side by side, not on top of each other.
    expect(Math.abs(at(11).x - at(14).x)).toBeGreaterThanOrEqual(14);
    expect(t.rows[1]!.points.map((p) => p.claimId).sort()).toEqual([id(14), id(15)]);
    expect(t.ticks.map((k) => k.label)).toContain('2026-01');
  });

  it('a narrow figure puts the titles above the marks, and the dossier’s SVG escapes every title', () => {
    const t = timelineLayout(input, { width: 300 });
    expect(t.labelsAbove).toBe(true);
    expect(t.x0).toBeLessThan(40);
    const svg = svgString(
      timelineFigure(timelineLayout(input, { width: 900 }), { undated: 'No date', first: 'said first', repeat: 'repeated', contradicts: 'contradicts', pointLabel: (p) => `«${p.claimId}» & <b>` }),
    );
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('Казахстан &lt;присоединяется&gt;');
    expect(svg).toContain('&amp; &lt;b&gt;');
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('data-claim');
  });
});
