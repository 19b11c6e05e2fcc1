import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from './errors';
import { extractDocument } from './import';
import type { ExtractedDocument } from './import/types';
import type { OpenHooks } from './store/db';
import { Project } from './store/project';

export const SAMPLE_FILE_NAME = 'Sample project.crossread';

const Manifest = z.object({
  documents: z.array(
    z.object({
      file: z.string().regex(/^[\w.-]+$/),
      title: z.string(),
      outlet: z.string(),
      author: z.string(),
      language: z.string(),
    }),
  ),
});

/** Opens the sample project, creating it from the shipped corpus the first time. */
export async function openSampleProject(file: string, sampleDir: string, hooks?: OpenHooks): Promise<Project> {
  if (fs.existsSync(file)) return Project.open(file, hooks);
  let manifest: z.infer<typeof Manifest>;
  try {
    manifest = Manifest.parse(JSON.parse(fs.readFileSync(path.join(sampleDir, 'manifest.json'), 'utf8')));
  } catch (err) {
    throw new AppError('unavailable', `The sample project is missing from this installation (${(err as Error).message}).`);
  }
  const docs: (ExtractedDocument & { file: string })[] = [];
  for (const entry of manifest.documents) {
    const bytes = fs.readFileSync(path.join(sampleDir, entry.file));
    const doc = await extractDocument({ name: entry.file, bytes });
    docs.push({ ...doc, title: entry.title, outlet: entry.outlet, author: entry.author, language: entry.language, file: entry.file });
  }
  const project = Project.create(file);
  try {
    project.write((now) => {
      for (const doc of docs) project.documents.insert(doc, doc.file, now);
    });
  } catch (err) {
    project.close();
    fs.rmSync(file, { force: true });
    throw err;
  }
  return project;
}
