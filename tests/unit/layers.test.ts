import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layer rule (architecture §1) fails the lint gate on a wrong import', () => {
  it('keeps Node, SQLite and Electron out of the renderer', async () => {
    expect(await layerErrors('renderer/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).not.toEqual([]);
    expect(await layerErrors('renderer/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n")).not.toEqual([]);
    expect(await layerErrors('renderer/x.ts', "import { Project } from '../electron/core/store/project';\nexport const a = Project;\n")).not.toEqual([]);
  });

  it('keeps shared/ free of Node, UI and app code', async () => {
    expect(await layerErrors('shared/x.ts', "import { useState } from 'react';\nexport const a = useState;\n")).not.toEqual([]);
    expect(await layerErrors('shared/x.ts', "import path from 'node:path';\nexport const a = path;\n")).not.toEqual([]);
  });

  it('keeps electron out of the core, the server and the CLI', async () => {
    expect(await layerErrors('electron/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).not.toEqual([]);
    expect(await layerErrors('electron/cli/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).not.toEqual([]);
    expect(await layerErrors('electron/teamserver/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).not.toEqual([]);
  });

  it('allows the arrows that point the right way', async () => {
    expect(await layerErrors('renderer/x.ts', "import { api } from '../shared/contract';\nexport const a = api;\n")).toEqual([]);
    expect(await layerErrors('electron/core/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toEqual([]);
    expect(await layerErrors('electron/main.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([]);
  });
});
