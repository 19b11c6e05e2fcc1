/**
 * Document import: picks the importer by file extension, enforces the size limits and turns every failure
 * into AppError('import-failed') with a message the user can act on.
 */
import { AppError } from '../errors';
import { extractDocx } from './docx';
import { extractHtml } from './html';
import { extractMarkdown } from './markdown';
import { extractPdf } from './pdf';
import { baseName, formatCharacters, formatLimitMegabytes, formatMegabytes, quoted, refuse } from './refuse';
import { extractText } from './text';
import { IMPORT_LIMITS } from './types';
import type { ExtractedDocument, ImportSource } from './types';

export type { ExtractedDocument, ImportSource } from './types';
export { IMPORT_LIMITS } from './types';
export { guessLanguage } from './metadata';

type Format = ExtractedDocument['format'];

const FORMAT_BY_EXTENSION: Record<string, Format> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  docx: 'docx',
  pdf: 'pdf',
};

/** The supported types as a user reads them in a message. */
export const SUPPORTED_TYPES_TEXT = 'plain text (.txt), Markdown (.md), HTML (.html, .htm), Word (.docx) and PDF (.pdf)';

/** The importer for a file name, or null when its extension is not supported. */
export function formatOf(name: string): Format | null {
  const base = baseName(name);
  const dot = base.lastIndexOf('.');
  if (dot < 0) return null;
  return FORMAT_BY_EXTENSION[base.slice(dot + 1).toLowerCase()] ?? null;
}

/** Extracts text and metadata from one file; throws AppError('import-failed') when it cannot be imported. */
export async function extractDocument(src: ImportSource): Promise<ExtractedDocument> {
  const format = formatOf(src.name);
  if (!format) {
    throw refuse(
      `${quoted(src.name)} is not a supported file type; Crossread imports ${SUPPORTED_TYPES_TEXT} files, so save it in one of these formats and import again.`,
    );
  }
  if (src.bytes.length > IMPORT_LIMITS.maxFileBytes) {
    throw refuse(
      `${quoted(src.name)} is ${formatMegabytes(src.bytes.length, IMPORT_LIMITS.maxFileBytes)}; Crossread imports files up to ${formatLimitMegabytes(IMPORT_LIMITS.maxFileBytes)}, so split it into smaller files and import them one by one.`,
    );
  }
  if (src.bytes.length === 0) {
    throw refuse(`${quoted(src.name)} is empty (0 bytes); check that you chose the right file.`);
  }

  let doc: ExtractedDocument;
  try {
    doc = await run(format, src);
  } catch (error) {
    if (error instanceof AppError) throw error;
    // A parser's own message may quote the file, and the file is not trusted: it is not passed on.
    throw refuse(`${quoted(src.name)} could not be read; check that the file opens in another program and try again.`);
  }

  if (!/\S/.test(doc.text)) {
    throw refuse(`${quoted(src.name)} is empty: it contains no readable text; check that you chose the right file.`);
  }
  if (doc.text.length > IMPORT_LIMITS.maxTextChars) {
    throw refuse(
      `${quoted(src.name)} holds ${formatCharacters(doc.text.length)} of text; Crossread imports documents up to ${formatCharacters(IMPORT_LIMITS.maxTextChars)}, so split it into smaller files and import them one by one.`,
    );
  }
  return doc;
}

function run(format: Format, src: ImportSource): Promise<ExtractedDocument> | ExtractedDocument {
  switch (format) {
    case 'txt':
      return extractText(src);
    case 'md':
      return extractMarkdown(src);
    case 'html':
      return extractHtml(src);
    case 'docx':
      return extractDocx(src);
    case 'pdf':
      return extractPdf(src);
  }
}
