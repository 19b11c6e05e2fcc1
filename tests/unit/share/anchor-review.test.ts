/**
 * Honest re-anchoring: every claim an import places keeps the score of its match, and a match too
 * unsure to trust (the passage is gone, a lookalike elsewhere remains) is not placed silently but
 * set aside for review with its best candidate, to accept or reject.
 */
import { describe, expect, it } from 'vitest';
import { REVIEW_BELOW } from '../../../shared/anchor';
import { claimOn, corpusText, fileFrom, importCorpus, KAZPRAVDA, readRows } from '../core/helpers';
import { analyst, exportFrom, importInto } from './helpers';

const K1 = 'Важным итогом визита стало решение о присоединении Казахстана к Соглашениям Авраама.';
const LOOKALIKE = 'Важным итогом визита стало решение о присоединении Казахстана к соглашениям Авраама.';
const K2 = 'Казахстан как транспортный хаб срединной части Евразии является очень важным партнером для региональных и внерегиональных игроков.';
const ZERO = { new: 0, updated: 0, conflicts: 0, orphans: 0, unchanged: 0, deleted: 0, reanchored: 0 };

/** A's claim on K1 and on K2; B's copy of the article lost K1's passage but quotes a lookalike of it at the end, in other words around it. */
async function lookalikeSetup() {
  const A = await analyst('Aliya');
  const docs = await importCorpus(A.backend);
  const k1 = await claimOn(A.backend, docs.kazpravda.id, K1);
  const k2 = await claimOn(A.backend, docs.kazpravda.id, K2);
  const file = await exportFrom(A);
  const copy = `${corpusText(KAZPRAVDA).replace(` ${K1}`, '')}\n\nВ комментариях читателей звучало: «${LOOKALIKE}» — и споры продолжились.\n`;
  const B = await analyst('Boris');
  const doc = (await B.backend.call('documents.import', { files: [fileFrom('kazpravda-copy.txt', copy)] })).imported[0]!;
  return { A, B, k1, k2, file, doc, copy };
}

describe('anchoring confidence', () => {
  it('a lookalike of a vanished passage is not placed silently: the claim waits for review with its candidate shown', async () => {
    const { B, k1, k2, file, doc, copy } = await lookalikeSetup();
    const result = await importInto(B, 'aliya.json', file);
    expect(result.claims).toEqual({ ...ZERO, new: 1, orphans: 1 });
    expect((await B.backend.call('annotations.list', {})).map((c) => c.id)).toEqual([k2.id]);

    const [orphan] = await B.backend.call('share.orphans', {});
    expect(orphan!.id).toBe(k1.id);
    const c = orphan!.candidate!;
    expect(c.documentId).toBe(doc.id);
    expect(c.text).toBe(LOOKALIKE);
    expect(copy.slice(c.start, c.end)).toBe(LOOKALIKE);
    expect(c.confidence).toBeGreaterThan(0);
    expect(c.confidence).toBeLessThan(REVIEW_BELOW);

    // The claim placed with confidence keeps its score.
    const scores = readRows(B.projectPath, 'SELECT annotation_id, confidence, source_file FROM anchor_scores');
    expect(scores).toEqual([{ annotation_id: k2.id, confidence: 1, source_file: 'aliya.json' }]);
    // Importing the same file again changes nothing: the claim still waits, with the same candidate.
    const again = await importInto(B, 'aliya.json', file);
    expect([again.changed, again.claims]).toEqual([false, { ...ZERO, unchanged: 1, orphans: 1 }]);
    expect((await B.backend.call('share.orphans', {}))[0]!.candidate).toEqual(c);
  });

  it('accepting the candidate places the claim there with its score; rejecting it keeps the claim as an orphan without one', async () => {
    const { B, k1, file, doc } = await lookalikeSetup();
    await importInto(B, 'aliya.json', file);
    const [orphan] = await B.backend.call('share.orphans', {});
    const claim = await B.backend.call('share.acceptCandidate', { id: k1.id });
    expect([claim.id, claim.documentId, claim.start, claim.end, claim.exact, claim.author]).toEqual([k1.id, doc.id, orphan!.candidate!.start, orphan!.candidate!.end, LOOKALIKE, 'Aliya']);
    expect(await B.backend.call('share.orphans', {})).toEqual([]);
    expect(readRows(B.projectPath, 'SELECT confidence FROM anchor_scores WHERE annotation_id = ?', k1.id)).toEqual([{ confidence: orphan!.candidate!.confidence }]);

    const C = await lookalikeSetup();
    await importInto(C.B, 'aliya.json', C.file);
    await C.B.backend.call('share.rejectCandidate', { id: C.k1.id });
    const [kept] = await C.B.backend.call('share.orphans', {});
    expect([kept!.id, kept!.candidate]).toEqual([C.k1.id, null]);
    expect((await C.B.backend.call('annotations.list', {})).map((a) => a.id)).toEqual([C.k2.id]);
    await expect(C.B.backend.call('share.acceptCandidate', { id: C.k1.id })).rejects.toThrow(/no candidate/);
  });
});
