import { describe, expect, it } from 'vitest';
import { exportQdc, exportQdpx } from '../../../electron/core/refi/export';
import { withProject } from '../core/helpers';
import { expectValid, qdeOf, richProject } from './helpers';

describe('REFI-QDA export', () => {
  it('a .qdpx of the corpus project is valid against the REFI-QDA Project.xsd', async () => {
    const { backend } = await withProject();
    await richProject(backend);
    const qde = await qdeOf(await exportQdpx(backend.project()!));
    await expectValid(qde, 'project');
    expect(qde).toContain('<PlainTextSelection');
    expect(qde).toContain('<Link ');
    expect(qde).toContain('<VariableValue>');
  });

  it('the .qdc codebook is valid against the REFI-QDA Codebook.xsd', async () => {
    const { backend } = await withProject();
    await richProject(backend);
    const qdc = exportQdc(backend.project()!);
    await expectValid(qdc, 'codebook');
    expect(qdc).toMatch(/<Code guid="[^"]+" name="economic" isCodable="true" color="#[0-9a-f]{6}"><Code guid="[^"]+" name="sanctions"/i);
  });
});

describe('the codebook export offers REFI-QDA', () => {
  it('codebook.build with format qdc hands over Codebook.qdc, valid against Codebook.xsd, for the Tags dialog’s download', async () => {
    const { backend } = await withProject();
    await richProject(backend);
    const built = await backend.call('codebook.build', { format: 'qdc', language: 'en' });
    expect(built).toMatchObject({ fileName: 'Codebook.qdc', mime: 'application/xml' });
    const qdc = Buffer.from(built.dataBase64, 'base64').toString('utf8');
    await expectValid(qdc, 'codebook');
    expect(qdc).toContain('name="sanctions"');
  });
});

describe('the schema check itself', () => {
  it('a project without its required name is refused by the validator, so a passing export means something', async () => {
    const { validateXML } = await import('xmllint-wasm');
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { RESOURCES_DIR } = await import('../core/helpers');
    const result = await validateXML({
      xml: [{ fileName: 'bad.qde', contents: '<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0"><Sources/></Project>' }],
      schema: [fs.readFileSync(path.join(RESOURCES_DIR, 'refi', 'Project.xsd'), 'utf8')],
    });
    expect(result.valid).toBe(false);
  });
});
