/**
 * The W3C Web Annotation test suite (w3c/web-annotation-tests: its JSON Schema draft-04
 * assertions, kept in tests/fixtures/w3c with their licence) run against an export of the corpus
 * with claims, tags, notes, links, an orphan and deletions: the collection, its embedded page and
 * every annotation on its own pass every MUST.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import { beforeAll, describe, expect, it } from 'vitest';
import { fullExport } from './w3c-project';

const SUITE = path.resolve(__dirname, '../../fixtures/w3c');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(SUITE, file), 'utf8')) as Record<string, unknown>;

interface Assertion {
  file: string;
  kind: 'must' | 'should' | 'may';
  expectValid: boolean;
  validate: ValidateFunction;
}

/** The suite's schemas compiled once: its definitions, then every assertion a test list names. */
function loadSuite(): (list: string) => Assertion[] {
  const ajv = new Ajv({ strict: false, allErrors: false });
  // The two formats the suite uses: an absolute IRI (RFC 3987, by its scheme) and an RFC 3339 date-time.
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i);
  for (const f of fs.readdirSync(path.join(SUITE, 'definitions'))) ajv.addSchema(readJson(`definitions/${f}`));
  const cache = new Map<string, Assertion>();
  return (list) =>
    (readJson(list).assertions as string[]).map((file) => {
      let a = cache.get(file);
      if (!a) {
        const schema = readJson(file);
        a = { file, kind: schema.assertionType as Assertion['kind'], expectValid: schema.expectedResult !== 'invalid', validate: ajv.compile(schema) };
        cache.set(file, a);
      }
      return a;
    });
}

const passes = (a: Assertion, doc: unknown) => a.validate(doc) === a.expectValid;
const failuresOf = (assertions: Assertion[], doc: unknown) => assertions.filter((a) => !passes(a, doc)).map((a) => a.file);

let file: Record<string, unknown>;
let annotations: Record<string, unknown>[];
let suite: (list: string) => Assertion[];

beforeAll(async () => {
  suite = loadSuite();
  file = (await fullExport()).file;
  // Each annotation as a document of its own, as another tool would receive it.
  annotations = ((file.first as { items: Record<string, unknown>[] }).items).map((a) => ({ '@context': file['@context'], ...a }));
}, 60_000);

describe('the W3C Web Annotation test suite on an export of the corpus', () => {
  it('the suite lists 79 MUST assertions: 54 for annotations, 10 for collections, 15 for pages', () => {
    const musts = ['annotations/annotationMusts.test', 'collections/collectionMusts.test', 'collections/pages/pageMusts.test'].map((l) => suite(l));
    expect(musts.map((m) => m.length)).toEqual([54, 10, 15]);
    expect(musts.flat().every((a) => a.kind === 'must')).toBe(true);
  });

  it('every annotation, on its own, passes all 54 annotation MUSTs', () => {
    expect(annotations.length).toBe(5); // three claims, the orphan, the live link: the deleted ones are not among them
    const musts = suite('annotations/annotationMusts.test');
    for (const a of annotations) expect(failuresOf(musts, a), String(a.id)).toEqual([]);
  });

  it('the collection passes all 10 collection MUSTs and, with its embedded page, all 15 page MUSTs', () => {
    expect(failuresOf(suite('collections/collectionMusts.test'), file)).toEqual([]);
    expect(failuresOf(suite('collections/pages/pageMusts.test'), file)).toEqual([]);
  });

  it('the SHOULD assertions the export meets stay met (counted for every annotation, the collection and its page)', () => {
    const shouldsOf = (list: string) => suite(list).filter((a) => a.kind === 'should');
    const annotationShoulds = [...shouldsOf('annotations/annotationOptionals.test'), ...shouldsOf('annotations/annotationsAgentOptionals.test')];
    // For each annotation SHOULD, how many of the 5 annotations meet it (those met by none are left out).
    const met = Object.fromEntries(
      annotationShoulds.flatMap((a) => {
        const n = annotations.filter((x) => passes(a, x)).length;
        return n > 0 ? [[path.basename(a.file, '.json'), n]] : [];
      }),
    );
    const collection = shouldsOf('collections/collectionOptionals.test').filter((a) => passes(a, file)).map((a) => path.basename(a.file, '.json'));
    const page = shouldsOf('collections/pages/pageOptionals.test').filter((a) => passes(a, file)).map((a) => path.basename(a.file, '.json'));
    expect({ annotations: annotationShoulds.length, collection: shouldsOf('collections/collectionOptionals.test').length, page: shouldsOf('collections/pages/pageOptionals.test').length }).toEqual({
      annotations: 32,
      collection: 3,
      page: 2,
    });
    expect({ met, collection, page }).toMatchInlineSnapshot(`
      {
        "collection": [
          "5.1-collectionLabelImplemented",
          "5.1-collectionTotalImplemented",
        ],
        "met": {
          "3.1-bodyKeyFound": 4,
          "3.2.1-bodySingleFormat": 4,
          "3.2.1-targSingleFormat": 3,
          "3.2.1-targSingleLanguage": 3,
          "3.2.4-bodyETBTypeTextualBody": 4,
          "3.3.1-annotationCreatedImplemented": 4,
          "3.3.1-annotationSingleCreatorImplemented": 5,
          "3.3.1-bodyCreated": 4,
          "3.3.1-bodySingleCreator": 4,
          "3.3.2-annotationCreatorAgentSingleNameImplemented": 5,
          "3.3.2-annotationCreatorAgentTypeImplemented": 5,
          "3.3.2-bodyCreatorAgentSingleNameImplemented": 4,
          "3.3.2-bodyCreatorAgentTypeImplemented": 4,
          "3.3.5-annotationSingleMotivationImplemented": 5,
          "4.2.4-prefix": 4,
          "4.2.4-suffix": 4,
        },
        "page": [
          "5.2-pagePartOfImplemented",
          "5.2-pageStartIndexImplemented",
        ],
      }
    `);
  });
});
