/**
 * The JSON Schema shipped in resources/schema is generated from the zod schema; this test fails
 * when the two drift apart. Regenerate with `npm run schema:dossier`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOSSIER_SCHEMA_PATH, dossierJsonSchema } from '../../../electron/core/export/schema';

const file = path.resolve(__dirname, '../../..', DOSSIER_SCHEMA_PATH);
const generated = `${JSON.stringify(dossierJsonSchema(), null, 2)}\n`;

describe('the dossier JSON Schema', () => {
  if (process.env.UPDATE_DOSSIER_SCHEMA === '1') fs.writeFileSync(file, generated);

  it('is committed and up to date with shared/dossier.ts', () => {
    expect(fs.existsSync(file), `${DOSSIER_SCHEMA_PATH} exists`).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe(generated);
  });

  it('is a draft 2020-12 schema that requires the format marker and version', () => {
    const schema = JSON.parse(generated) as { $schema: string; required: string[]; properties: Record<string, { const?: unknown }> };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'version', 'cover', 'sources', 'claims', 'findings', 'groups', 'matrix']));
    expect(schema.properties.format?.const).toBe('crossread-dossier');
    expect(schema.properties.version?.const).toBe(1);
  });
});
