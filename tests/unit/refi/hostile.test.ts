/**
 * A REFI-QDA file is untrusted: one built to exhaust the app is refused with a message that names
 * the fault and none of the file's content, and the project is left exactly as it was.
 */
import { describe, expect, it } from 'vitest';
import { readQdpx } from '../../../electron/core/refi/read';
import { REFI_LIMITS } from '../../../electron/core/refi/limits';
import { expectAppError, withProject } from '../core/helpers';
import { allRows } from '../share/helpers';
import { projectXml, SOURCE } from './files';
import { buildQdpx } from './helpers';

const SECRET = 'СЕКРЕТНОЕ-СОДЕРЖИМОЕ';

describe('hostile REFI-QDA files', () => {
  it('a ZIP bomb (a source that inflates far past the limit) is stopped while inflating', async () => {
    const bomb = SECRET + ' '.repeat(24 * 1024 * 1024);
    const bytes = await buildQdpx({ 'project.qde': projectXml({ path: `internal://${SOURCE}.txt` }), [`sources/${SOURCE}.txt`]: bomb });
    expect(bytes.length).toBeLessThan(200 * 1024);
    const err = await expectAppError(readQdpx(bytes, { ...REFI_LIMITS, maxInflatedBytes: 4 * 1024 * 1024 }), 'bad-input');
    expect(err.message).toMatch(/ZIP bomb/);
    expect(err.message).not.toContain(SECRET);
  });

  it('deeply nested XML is refused by depth, through the API, and the project is unchanged', async () => {
    const { backend, projectPath } = await withProject();
    const before = allRows(projectPath);
    const deep = `<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="${SECRET}"><CodeBook><Codes>${'<Code guid="6a1f2e3d-4c5b-4a69-8870-9a1b2c3d4e5f" name="x" isCodable="true">'.repeat(20_000)}</Codes></CodeBook></Project>`;
    const bytes = await buildQdpx({ 'project.qde': deep });
    const err = await expectAppError(backend.call('refi.import', { file: { name: 'deep.qdpx', dataBase64: bytes.toString('base64') }, dryRun: false }), 'bad-input');
    expect(err.message).toMatch(/nested more than 64 levels/);
    expect(err.message).not.toContain(SECRET);
    expect(allRows(projectPath)).toEqual(before);
  });

  it('a file that is not a ZIP, or a ZIP without a project, is refused by name of the fault', async () => {
    await expect(readQdpx(Buffer.from(`<Project name="${SECRET}"/>`))).rejects.toThrow(/not a ZIP file/);
    await expect(readQdpx(await buildQdpx({ 'notes.txt': SECRET }))).rejects.toThrow(/no project\.qde/);
  });

  it('a plainTextPath that climbs out of sources/ reads nothing from the disk: the source is listed as skipped', async () => {
    const file = await readQdpx(await buildQdpx({ 'project.qde': projectXml({ path: 'internal://../../../../etc/passwd' }) }));
    expect(file.sources).toEqual([]);
    expect(file.skipped).toEqual([{ kind: 'text', name: 'interview.txt', reason: 'no-text', why: 'its text is not in the file' }]);
  });
});

describe('names from another tool', () => {
  it('a code or user name with control characters or text-direction marks becomes a clean one-line name', async () => {
    const { applyRefi } = await import('../../../electron/core/refi/import');
    const { hasHiddenOrBroken } = await import('../../../shared/names');
    const xml = projectXml({ text: 'Казахстан и санкции.', selections: [{ guid: 'aaaaaaaa-0000-4000-8000-000000000001', start: 0, end: 9 }] })
      .replace('name="tolerance"', 'name="san&#x202E;ctions&#7;\n  list"')
      .replace('name="Dana"', 'name="Da&#x200F;na&#27;[31m"');
    const file = await readQdpx(await buildQdpx({ 'project.qde': xml }));
    const { backend } = await withProject();
    applyRefi(backend.project()!, file, 'names.qdpx', 'Me', false);
    const names = (await backend.call('tags.list', {})).map((t) => t.name);
    expect(names).toContain('sanctions list');
    const [claim] = await backend.call('annotations.list', {});
    expect(claim!.author).toBe('Dana[31m');
    expect([...names, claim!.author].filter(hasHiddenOrBroken)).toEqual([]);
  });
});
