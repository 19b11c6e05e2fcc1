/**
 * The `cr:` vocabulary of Crossread's annotation files as a JSON-LD context: every term the file
 * uses beyond the W3C Web Annotation context is defined here with its IRI (and its type where the
 * value is a time, a number kept in order, or an IRI), so a JSON-LD processor expanding the file
 * keeps tag colours, relation types, document metadata, embedded texts and tombstones instead of
 * dropping them as unknown keys. Inside `cr:project` the keys are Crossread's own (a tag's `id`
 * is a plain UUID, not an IRI); its tombstones are W3C annotations again.
 */
import { SHARE_NAMESPACE, W3C_CONTEXT } from './model';

const XSD_TIME = 'http://www.w3.org/2001/XMLSchema#dateTime';
const term = (name: string) => ({ '@id': `cr:${name}` });
const time = (name: string) => ({ '@id': `cr:${name}`, '@type': XSD_TIME });
const list = (name: string) => ({ '@id': `cr:${name}`, '@container': '@list' });
const set = (name: string) => ({ '@id': `cr:${name}`, '@container': '@set' });

/** Terms inside `cr:project`: tags, relations, documents, the summary, source attributes and their values. */
const PROJECT_TERMS = {
  id: term('id'),
  type: term('type'),
  version: term('version'),
  positions: term('positions'),
  tags: set('tags'),
  relations: set('relations'),
  documents: set('documents'),
  attributes: set('attributes'),
  attributeValues: set('attributeValues'),
  summary: term('summary'),
  name: term('name'),
  color: term('color'),
  position: term('position'),
  parent: term('parent'),
  definition: term('definition'),
  useWhen: term('useWhen'),
  avoidWhen: term('avoidWhen'),
  example: term('example'),
  mergedInto: term('mergedInto'),
  inverseName: term('inverseName'),
  symmetric: term('symmetric'),
  builtin: term('builtin'),
  title: term('title'),
  outlet: term('outlet'),
  author: term('author'),
  date: term('date'),
  sourceName: term('sourceName'),
  length: term('length'),
  text: term('text'),
  json: term('json'),
  modifiedAt: time('modifiedAt'),
  deleted: time('deleted'),
  choices: list('choices'),
  attribute: term('attribute'),
  target: term('target'),
  // What only Crossread reads: deleted claims and links, written as the annotations they were.
  tombstones: { '@id': 'cr:tombstones', '@container': '@set', '@context': W3C_CONTEXT },
} as const;

/** The file's `@context`: the W3C context, then the `cr:` vocabulary. */
export function shareContext(): unknown[] {
  return [
    W3C_CONTEXT,
    {
      '@version': 1.1,
      cr: SHARE_NAMESPACE,
      'cr:project': { '@id': 'cr:project', '@context': PROJECT_TERMS },
      'cr:deleted': { '@id': 'cr:deleted', '@type': XSD_TIME },
      'cr:anchor': { '@id': 'cr:anchor' },
      'cr:from': { '@id': 'cr:from', '@type': '@id' },
      'cr:to': { '@id': 'cr:to', '@type': '@id' },
      'cr:tag': { '@id': 'cr:tag', '@type': '@id' },
      'cr:relation': { '@id': 'cr:relation', '@type': '@id' },
      'cr:pages': { '@id': 'cr:pages', '@container': '@list' },
      'cr:memo': { '@id': 'cr:memo', '@context': { kind: term('kind'), tag: term('tag') } },
    },
  ];
}
