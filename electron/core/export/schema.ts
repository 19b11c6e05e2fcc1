/** The JSON Schema of the dossier JSON export, generated from the zod schema in shared/dossier.ts. */
import { z } from 'zod';
import { Dossier, DOSSIER_VERSION } from '../../../shared/dossier';

export const DOSSIER_SCHEMA_PATH = 'resources/schema/dossier.schema.json';

export function dossierJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Dossier, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: `https://crossread.invalid/schema/dossier-${DOSSIER_VERSION}.schema.json`,
    title: `Crossread dossier, version ${DOSSIER_VERSION}`,
    description:
      'A structured dossier exported by Crossread: cover and summary, sources, claims with citations, notes and links, findings by tag, cross-source groups and the tag × source matrix. Rich text is a neutral block model (paragraph, heading, quote, list; text runs, links, breaks).',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}
