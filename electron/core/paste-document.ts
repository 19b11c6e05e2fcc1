import type { DocumentMeta, PasteDocument } from '../../shared/contract';
import { AppError } from './errors';
import { Isolate, IsolateError } from './isolate';
import { contentHash } from './store/documents';
import type { Project } from './store/project';

/**
 * Paste as new document: the clipboard's HTML (through the HTML importer, which keeps the article
 * and drops scripts, styles and navigation) or else its plain text becomes a document with the
 * title, outlet and date the user gave. The content is read in the import isolate like a file, so
 * pasted HTML gets the same limits. Nothing is stored unless the whole document is.
 */
export async function pasteDocument(project: Project, input: PasteDocument): Promise<DocumentMeta> {
  if (project.readOnly) project.write(() => undefined);
  const useHtml = /\S/.test(input.html);
  if (!useHtml && !/\S/.test(input.text)) {
    throw new AppError('bad-input', 'The clipboard holds no text to make a document from; copy the text of an article and try again.');
  }
  const name = useHtml ? 'clipboard.html' : 'clipboard.txt';
  const isolate = new Isolate();
  let extracted;
  try {
    extracted = await isolate.run('documents.extract', { name, bytes: new TextEncoder().encode(useHtml ? input.html : input.text) });
  } catch (error) {
    if (error instanceof IsolateError) {
      throw new AppError('import-failed', 'The pasted text could not be read within the import limits; paste a shorter part, or save it as a file and import that.');
    }
    throw error;
  } finally {
    await isolate.close();
  }
  const existing = project.documents.findByHash(contentHash(extracted.text));
  if (existing) throw new AppError('conflict', `This text is already in the project as «${existing.title}»; nothing was added.`);
  const doc = { ...extracted, title: input.title, outlet: input.outlet, date: input.date ?? extracted.date };
  return project.write((now) => project.documents.insert(doc, '', now));
}
