/**
 * The `cr:` extension is a real JSON-LD vocabulary: expanding an export with a JSON-LD processor
 * (the `jsonld` package, the W3C context served from tests/fixtures/w3c, never the network) keeps
 * every value of the file — tag colours, relation types, document metadata, embedded texts,
 * tombstones — where unknown terms would be dropped silently.
 */
import fs from 'node:fs';
import path from 'node:path';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { fullExport } from './w3c-project';

const W3C_CONTEXT_URL = 'http://www.w3.org/ns/anno.jsonld';
const W3C_CONTEXT = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../fixtures/w3c/anno.jsonld'), 'utf8')) as unknown;

/** Serves the W3C context from the repository copy and refuses every other address, so nothing is fetched. */
const offlineLoader = async (url: string) => {
  if (url !== W3C_CONTEXT_URL) throw new Error(`the test may not load ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: W3C_CONTEXT };
};

/** Every value a document holds (strings, numbers, booleans), keys and the context left aside; nulls say nothing and JSON-LD drops them. */
function valuesOf(doc: unknown, out: string[] = []): string[] {
  if (Array.isArray(doc)) for (const v of doc) valuesOf(v, out);
  else if (doc !== null && typeof doc === 'object') {
    for (const [k, v] of Object.entries(doc)) if (k !== '@context') valuesOf(v, out);
  } else if (doc !== null) out.push(String(doc));
  return out;
}

/** The values left after expansion: literals, node ids and types (whatever vocabulary IRI a value became). */
function expandedValues(doc: unknown, out: string[] = []): string[] {
  if (Array.isArray(doc)) for (const v of doc) expandedValues(v, out);
  else if (doc !== null && typeof doc === 'object') {
    const o = doc as Record<string, unknown>;
    // A literal's datatype (xsd:dateTime) is added by the context, not a value of the file.
    if ('@value' in o) {
      out.push(String(o['@value']));
      return out;
    }
    for (const [k, v] of Object.entries(o)) {
      if (k === '@id' || k === '@type') for (const x of [v].flat()) out.push(String(x));
      else expandedValues(v, out);
    }
  }
  return out;
}

describe('the cr: vocabulary', () => {
  it('expanding the file with a JSON-LD processor drops nothing: colours, relation types, document metadata, texts and tombstones stay', async () => {
    const { file, economic, gone, goneLink } = await fullExport(true);
    const expanded = await jsonld.expand(file as jsonld.JsonLdDocument, { documentLoader: offlineLoader as never });
    const before = valuesOf(file);
    const after = expandedValues(expanded);
    // The processor turns vocabulary words into IRIs ("tagging" → oa:tagging) but keeps one value for each value.
    expect(after.length).toBe(before.length);

    const text = JSON.stringify(expanded);
    const ns = 'https://crossread.app/ns/share/v1#';
    for (const term of ['color', 'inverseName', 'symmetric', 'title', 'outlet', 'text', 'tombstones', 'deleted', 'tag', 'relation', 'positions']) {
      expect(text, term).toContain(`"${ns}${term}"`);
    }
    const project = file['cr:project'] as { documents: { text: string; title: string }[] };
    expect(text).toContain(JSON.stringify(project.documents[0]!.text));
    expect(text).toContain(`"${economic.color}"`);
    expect(text).toContain(`urn:uuid:${gone.id}`);
    expect(text).toContain(`urn:uuid:${goneLink.id}`);
  }, 60_000);

  it('a term outside the vocabulary is what the check catches: it is dropped from the expansion', async () => {
    const { file } = await fullExport(false);
    const tampered = { ...file, 'cr:project': { ...(file['cr:project'] as object), notInTheVocabulary: 'lost' } };
    const expanded = await jsonld.expand(tampered as jsonld.JsonLdDocument, { documentLoader: offlineLoader as never });
    expect(expandedValues(expanded).length).toBe(valuesOf(tampered).length - 1);
  }, 60_000);
});
