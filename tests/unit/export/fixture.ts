/**
 * A project built from the sample corpus for the export tests: claims under all three tags (and
 * one untagged), links across the three interviews, rich notes, and a dossier summary.
 */
import { expect } from 'vitest';
import { findChromium } from '../../../electron/core/export/chromium';
import type { Backend } from '../../../electron/core/backend';
import { claimOn, importCorpus, lexicalNote, withProject } from '../core/helpers';

export const Q = {
  kRare: 'Особо стоит отметить соглашения по редкоземельным металлам — это сейчас стратегическое направление сотрудничества.',
  kPeace: 'Казахстанские миротворцы могли бы сыграть важную роль в поддержании мира и стабильности в регионе',
  kAccords: 'Важным итогом визита стало решение о присоединении Казахстана к Соглашениям Авраама.',
  cRare: 'Прежде всего, наибольшую выгоду получит сектор критически важных минералов и редкоземельных элементов.',
  c17: 'стороны подписали коммерческие соглашения более чем на 17 млрд долларов.',
  cFaith: 'Эта идея тоже близка политике Казахстана, который последовательно проводит линию на мирный диалог между всеми религиями',
  zIran: 'Иран уже высказал свое недовольство.',
  zCourse: 'Казахстан демонстрирует осторожный, но принципиальный курс на Ближнем Востоке, поддерживая арабских партнеров и сохраняя баланс с Западом.',
} as const;

/** A Lexical note with bold text, a safe link and a Cyrillic list. */
export function richNote(): string {
  const text = (t: string, format = 0) => ({ type: 'text', version: 1, text: t, format, style: '', mode: 'normal', detail: 0 });
  const para = (...children: unknown[]) => ({ type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, children });
  return JSON.stringify({
    root: {
      type: 'root',
      version: 1,
      direction: 'ltr',
      format: '',
      indent: 0,
      children: [
        para(text('Ключевой тезис: ', 1), text('редкоземельные металлы, «новая нефть», "17 bn", commas, and more.')),
        para({ type: 'link', version: 1, url: 'https://www.akorda.kz/ru', rel: null, target: null, title: null, children: [text('Акорда')] }),
        {
          type: 'list',
          version: 1,
          listType: 'bullet',
          start: 1,
          tag: 'ul',
          children: [
            { type: 'listitem', version: 1, value: 1, children: [text('первый пункт')] },
            { type: 'listitem', version: 1, value: 2, children: [text('second item')] },
          ],
        },
      ],
    },
  });
}

export async function corpusProject(name = 'Abraham Accords') {
  const fx = await withProject(name);
  const b: Backend = fx.backend;
  const docs = await importCorpus(b);
  const [economic, security, interfaith] = await b.call('tags.list', {});
  const rel = Object.fromEntries((await b.call('relations.list', {})).map((r) => [r.builtin, r.id]));
  const k = docs.kazpravda.id;
  const c = docs.caravan.id;
  const z = docs.zakon.id;
  const claims = {
    kRare: await claimOn(b, k, Q.kRare, [economic!.id]),
    kPeace: await claimOn(b, k, Q.kPeace, [security!.id]),
    kAccords: await claimOn(b, k, Q.kAccords, []),
    cRare: await claimOn(b, c, Q.cRare, [economic!.id]),
    c17: await claimOn(b, c, Q.c17, [economic!.id, security!.id]),
    cFaith: await claimOn(b, c, Q.cFaith, [interfaith!.id]),
    zIran: await claimOn(b, z, Q.zIran, [security!.id]),
    zCourse: await claimOn(b, z, Q.zCourse, [interfaith!.id, security!.id]),
  };
  const links = {
    rare: await b.call('links.create', { fromId: claims.kRare.id, toId: claims.cRare.id, relationId: rel.supports! }),
    peace: await b.call('links.create', { fromId: claims.kPeace.id, toId: claims.zIran.id, relationId: rel.contradicts! }),
    faith: await b.call('links.create', { fromId: claims.cFaith.id, toId: claims.zCourse.id, relationId: rel['same-claim']! }),
    course: await b.call('links.create', { fromId: claims.zCourse.id, toId: claims.kPeace.id, relationId: rel.elaborates! }),
  };
  await b.call('notes.save', { owner: { kind: 'annotation', id: claims.kRare.id }, json: richNote() });
  await b.call('notes.save', { owner: { kind: 'annotation', id: claims.zIran.id }, json: lexicalNote('Реакция Ирана, line one', 'line two, "quoted"') });
  await b.call('dossier.summary.save', { json: lexicalNote('Три эксперта сходятся в экономике; расходятся в оценке рисков.', 'Second paragraph of the summary.') });
  expect(Object.values(claims)).toHaveLength(8);
  return { ...fx, docs, tags: { economic: economic!, security: security!, interfaith: interfaith! }, claims, links, rel };
}

/** Whether a Chromium for PDF printing is here; the PDF checks skip, saying so, where none is. */
export const HAS_CHROMIUM = (() => {
  try {
    findChromium();
    return true;
  } catch {
    console.warn('[export tests] PDF checks skipped: no Chromium found (set CROSSREAD_CHROMIUM).');
    return false;
  }
})();
