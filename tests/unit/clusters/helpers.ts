import type { Backend } from '../../../electron/core/backend';
import { claimOn, importCorpus, withProject } from '../core/helpers';

/** The corpus's one claim three sources make: the 17 bn USD of deals (Kazpravda, Caravan), and a doubt about it. */
export const DEALS_KAZPRAVDA = 'были заключены сделки на сумму более 17 млрд долларов';
export const DEALS_CARAVAN = 'стороны подписали коммерческие соглашения более чем на 17 млрд долларов';
export const DEALS_CARAVAN_AGAIN = 'договорённости на сумму свыше 17 млрд долларов';
export const RARE_EARTHS = 'Особо стоит отметить соглашения по редкоземельным металлам';
export const ABRAHAM = 'решение Казахстана присоединиться к Авраамским соглашениям';

export async function relationId(backend: Backend, builtin: string): Promise<string> {
  return (await backend.call('relations.list', {})).find((r) => r.builtin === builtin)!.id;
}

/**
 * The corpus with the deals cluster made: three claims joined by "same claim" links (created in
 * reading order, so Kazpravda's is the key), the rare earths supporting one member and the Abraham
 * Accords claim contradicting another.
 */
export async function dealsCluster(fixture?: Awaited<ReturnType<typeof withProject>>) {
  const f = fixture ?? (await withProject());
  const { backend } = f;
  const docs = await importCorpus(backend);
  const k = await claimOn(backend, docs.kazpravda.id, DEALS_KAZPRAVDA);
  const c1 = await claimOn(backend, docs.caravan.id, DEALS_CARAVAN);
  const c2 = await claimOn(backend, docs.caravan.id, DEALS_CARAVAN_AGAIN);
  const rare = await claimOn(backend, docs.kazpravda.id, RARE_EARTHS);
  const abraham = await claimOn(backend, docs.zakon.id, ABRAHAM);
  const same = await relationId(backend, 'same-claim');
  await backend.call('links.create', { fromId: k.id, toId: c1.id, relationId: same });
  await backend.call('links.create', { fromId: c2.id, toId: c1.id, relationId: same });
  const supports = await backend.call('links.create', { fromId: rare.id, toId: c1.id, relationId: await relationId(backend, 'supports') });
  const contradicts = await backend.call('links.create', { fromId: k.id, toId: abraham.id, relationId: await relationId(backend, 'contradicts') });
  return { ...f, ...docs, k, c1, c2, rare, abraham, supports, contradicts };
}
