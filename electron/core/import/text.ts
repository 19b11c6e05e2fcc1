/** Plain-text import (.txt): decoded bytes, verbatim apart from the leading date header. */
import { decodeBytes } from './decode';
import { guessLanguage, takeDateHeader, titleFromFileName } from './metadata';
import type { ExtractedDocument, ImportSource } from './types';

export function extractText(src: ImportSource): ExtractedDocument {
  const decoded = decodeBytes(src.name, src.bytes);
  const { text, date } = takeDateHeader(decoded.text);
  return {
    text,
    title: titleFromFileName(src.name),
    outlet: '',
    author: '',
    date,
    language: guessLanguage(text),
    format: 'txt',
    encoding: decoded.encoding,
  };
}
