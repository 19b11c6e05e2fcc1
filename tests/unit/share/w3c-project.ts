/**
 * A project of the corpus with everything an annotation file carries — tagged claims, a note-only
 * claim, notes, links, an orphan, a deleted claim and a deleted link — exported as a user does.
 */
import { claimOn, importCorpus, lexicalNote } from '../core/helpers';
import { analyst, exportFrom, importInto, quotesFile } from './helpers';

export const K1 = 'Важным итогом визита стало решение о присоединении Казахстана к Соглашениям Авраама.';
export const K2 = 'Казахстан как транспортный хаб срединной части Евразии является очень важным партнером для региональных и внерегиональных игроков.';
export const C1 = 'стороны подписали коммерческие соглашения';

export async function fullExport(embedText = true) {
  const A = await analyst('Aliya');
  const docs = await importCorpus(A.backend);
  const economic = await A.backend.call('tags.create', { name: 'corridor', color: '#2f7d32' });
  const k1 = await claimOn(A.backend, docs.kazpravda.id, K1, [economic.id]);
  const k2 = await claimOn(A.backend, docs.kazpravda.id, K2);
  await A.backend.call('notes.save', { owner: { kind: 'annotation', id: k2.id }, json: lexicalNote('Транспортный хаб — ключевой тезис.') });
  const c1 = await claimOn(A.backend, docs.caravan.id, C1, [economic.id]);
  const relations = await A.backend.call('relations.list', {});
  const supports = relations.find((r) => r.builtin === 'supports')!;
  const link = await A.backend.call('links.create', { fromId: k1.id, toId: c1.id, relationId: supports.id });
  await A.backend.call('notes.save', { owner: { kind: 'link', id: link.id }, json: lexicalNote('Одно подтверждает другое') });
  const gone = await claimOn(A.backend, docs.zakon.id, 'Казахстан');
  const goneLink = await A.backend.call('links.create', { fromId: k2.id, toId: c1.id, relationId: supports.id });
  await A.backend.call('links.delete', { id: goneLink.id });
  await A.backend.call('annotations.delete', { id: gone.id });
  // An orphan: a colleague's claim on text this project does not have.
  await importInto(A, 'elsewhere.json', quotesFile(1, () => ({ exact: 'Цитата из статьи, которой в проекте нет.', prefix: '', suffix: '' })));
  const content = await exportFrom(A, embedText);
  return { A, docs, k1, k2, c1, link, gone, goneLink, economic, supports, content, file: JSON.parse(content) as Record<string, unknown> };
}
