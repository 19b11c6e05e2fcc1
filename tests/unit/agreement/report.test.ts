import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cohenKappa } from '../../../shared/agreement';
import { disagreementsIn } from '../../../shared/agreement-disagreements';
import { buildAgreement } from '../../../shared/agreement-report';
import type { CodingClaim } from '../../../shared/agreement-units';
import { splitParagraphs } from '../../../shared/text';
import { CORPUS_DIR } from '../../support/corpus';

const TEXT = fs.readFileSync(path.join(CORPUS_DIR, 'kazpravda-2025-11-07-velizade.txt'), 'utf8');
const OTHER = fs.readFileSync(path.join(CORPUS_DIR, 'zakon-2026-03-02-badamov.txt'), 'utf8');
const DOC = '00000000-0000-4000-8000-000000000001';
const DOC2 = '00000000-0000-4000-8000-000000000002';
const ECON = '00000000-0000-4000-8000-0000000000e1';
const SEC = '00000000-0000-4000-8000-0000000000e2';
const K1 = 'Важным итогом визита стало решение о присоединении Казахстана к Соглашениям Авраама.';
const K2 = 'Казахстан как транспортный хаб срединной части Евразии является очень важным партнером для региональных и внерегиональных игроков.';
const P4S1 = 'Ближний Восток сегодня — важное направление для Казахстана.';
const P4S2 = 'В последние годы активно развивается диалог между Астаной и странами этого региона.';

let n = 0;
function claim(author: string, phrase: string, tagIds: string[], documentId = DOC, text = TEXT): CodingClaim {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`not in the text: ${phrase}`);
  n++;
  return { id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, documentId, start, end: start + phrase.length, author, tagIds };
}

const source = (claims: CodingClaim[]) => ({
  documents: [
    { id: DOC, label: 'Kazpravda.kz', text: TEXT },
    { id: DOC2, label: 'Zakon.kz', text: OTHER },
  ],
  claims,
  tags: [
    { id: ECON, name: 'economic' },
    { id: SEC, name: 'security' },
  ],
});

describe('the agreement report of two authors', () => {
  const claims = [
    claim('Alice', K1, [ECON]),
    claim('Alice', K2, [ECON]),
    claim('Alice', P4S1, [SEC]),
    claim('Bob', K1, [ECON]),
    claim('Bob', 'Казахстан как транспортный хаб', [ECON]),
    claim('Bob', P4S2, [ECON]),
    // Alice also read another document Bob never coded: it must not count as Bob saying "no".
    claim('Alice', 'Казахстан', [ECON], DOC2, OTHER),
  ];
  const report = buildAgreement(source(claims), {});

  it('gives per-tag paragraph kappa and alpha as computed by hand for the corpus interview', () => {
    const paragraphs = splitParagraphs(TEXT);
    expect(paragraphs).toHaveLength(25);
    const econ = report.byTag.find((r) => r.id === ECON)!;
    expect(econ.documents).toBe(1);
    expect(econ.pairs).toHaveLength(1);
    const pair = econ.pairs[0]!;
    expect([pair.a, pair.b]).toEqual(['Alice', 'Bob']);
    // Alice: the paragraphs of K1 and K2; Bob: those and the paragraph of P4S2. 24 of 25 agree;
    // p_e = (2/25)(3/25) + (23/25)(22/25) = 0.8192, κ = (0.96 − 0.8192) / 0.1808.
    expect(pair.paragraph.units).toBe(25);
    expect(pair.paragraph.agreement).toBeCloseTo(0.96, 10);
    expect(pair.paragraph.kappa).toBeCloseTo(0.1408 / 0.1808, 10);
    const at = (phrase: string) => paragraphs.findIndex((p) => TEXT.slice(p.start, p.end).includes(phrase));
    const alice = paragraphs.map((_p, i) => i === at(K1) || i === at(K2));
    const bob = paragraphs.map((_p, i) => i === at(K1) || i === at(K2) || i === at(P4S2));
    expect(pair.paragraph.kappa).toBeCloseTo(cohenKappa(alice, bob)!, 12);
    // Nominal alpha, 50 values (5 ones), one mismatched unit: 1 − 49·2 / (2·45·5).
    expect(econ.alpha.paragraph).toBeCloseTo(1 - 98 / 450, 10);
  });

  it('rates the sentences of the interview: Bob coded one sentence Alice did not', () => {
    const econ = report.byTag.find((r) => r.id === ECON)!.pairs[0]!;
    expect(econ.sentence.units).toBeGreaterThan(25);
    expect(econ.sentence.units - Math.round(econ.sentence.agreement! * econ.sentence.units)).toBe(1);
  });

  it('pools tags per document and everything in the overall row', () => {
    const doc = report.byDocument.find((r) => r.id === DOC)!;
    expect(doc.pairs[0]!.paragraph.units).toBe(50);
    // The security paragraph (Alice only) and the P4S2 paragraph for economic (Bob only) differ.
    expect(doc.pairs[0]!.paragraph.agreement).toBeCloseTo(48 / 50, 10);
    expect(report.overall.pairs[0]!.paragraph).toEqual(doc.pairs[0]!.paragraph);
    const unread = report.byDocument.find((r) => r.id === DOC2)!;
    expect(unread.documents).toBe(0);
    expect(unread.pairs[0]!.paragraph).toEqual({ units: 0, agreement: null, kappa: null });
    expect(unread.alpha).toEqual({ paragraph: null, sentence: null, segments: null });
  });

  it('lists each kind of disagreement side by side, in text order', () => {
    expect(report.disagreements.map((d) => [d.kind, d.left?.exact ?? null, d.right?.exact ?? null])).toEqual([
      ['oneOnly', P4S1, null],
      ['oneOnly', null, P4S2],
      ['extent', K2, 'Казахстан как транспортный хаб'],
    ]);
  });

  it('calls overlapping claims with different tags "different tags", whatever their extents', () => {
    const r = buildAgreement(source([claim('Alice', P4S1, [SEC]), claim('Bob', 'Ближний Восток сегодня', [ECON])]), {});
    expect(r.disagreements.map((d) => d.kind)).toEqual(['differentTags']);
    expect(r.disagreements[0]!.right!.tagIds).toEqual([ECON]);
  });

  it('gives full agreement for identical coding, on every level, with nothing listed', () => {
    const same = buildAgreement(source([claim('Alice', K1, [ECON]), claim('Bob', K1, [ECON]), claim('Alice', K2, [SEC]), claim('Bob', K2, [SEC])]), {});
    const pair = same.overall.pairs[0]!;
    expect([pair.paragraph.kappa, pair.sentence.kappa, pair.paragraph.agreement]).toEqual([1, 1, 1]);
    expect(same.overall.alpha).toEqual({ paragraph: 1, sentence: 1, segments: 1 });
    expect(same.disagreements).toEqual([]);
  });

  it('compares only the chosen tags and authors, and gives pairwise figures for three authors', () => {
    const three = [...claims, claim('Carol', K1, [ECON, SEC])];
    const r = buildAgreement(source(three), { tagIds: [SEC] });
    expect(r.tags.map((t) => t.name)).toEqual(['security']);
    expect(r.chosenAuthors).toEqual(['Alice', 'Bob', 'Carol']);
    expect(r.overall.pairs.map((p) => `${p.a}–${p.b}`)).toEqual(['Alice–Bob', 'Alice–Carol', 'Bob–Carol']);
    // Bob's claims have no security tag: only his "read the document" remains.
    expect(r.disagreements.every((d) => (d.left?.tagIds ?? d.right!.tagIds).includes(SEC))).toBe(true);
    const two = buildAgreement(source(three), { authors: ['Alice', 'Carol'] });
    expect(two.overall.pairs.map((p) => `${p.a}–${p.b}`)).toEqual(['Alice–Carol']);
    expect(two.authors).toEqual(['Alice', 'Bob', 'Carol']);
  });
});

describe('disagreements of nested and long claims', () => {
  it('finds a colleague’s long claim around a short one even past shorter claims that start later', () => {
    const text = 'x'.repeat(200);
    const c = (id: number, author: string, start: number, end: number, tagIds = [ECON]): CodingClaim => ({ id: String(id), documentId: DOC, start, end, author, tagIds });
    const found = disagreementsIn(DOC, text, [c(1, 'Bob', 0, 100), c(2, 'Bob', 10, 20), c(3, 'Alice', 50, 60), c(4, 'Alice', 10, 20), c(5, 'Alice', 150, 160)], 'Alice', 'Bob');
    expect(found.map((d) => [d.kind, d.left?.claimId ?? null, d.right?.claimId ?? null])).toEqual([
      ['extent', '4', '1'],
      ['extent', '3', '1'],
      ['oneOnly', '5', null],
    ]);
  });
});
