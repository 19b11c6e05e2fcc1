/** One file handed to an importer: its name as the user chose it and its raw bytes. */
export interface ImportSource {
  name: string;
  bytes: Uint8Array;
}

/** What an importer extracts from a file, before it is stored. */
export interface ExtractedDocument {
  /** Plain text, verbatim apart from: BOM removed, CRLF/CR → LF, a leading `date YYYY-MM-DD` header removed. */
  text: string;
  title: string;
  outlet: string;
  author: string;
  /** ISO date (YYYY-MM-DD) or null when unknown. */
  date: string | null;
  /** BCP-47 primary tag guessed from the text ('ru', 'en', 'kk'…), '' when unknown. */
  language: string;
  format: 'txt' | 'md' | 'html' | 'docx' | 'pdf';
  /** How the bytes were decoded, e.g. 'utf-8', 'utf-16le', 'windows-1251' ('pdf' for a PDF's text layer). */
  encoding: string;
  /** Paged sources (PDF): the offset where each page's text starts, page 1 first. */
  pageStarts?: number[];
}

/** Limits that keep a hostile or huge file from freezing the app. */
export const IMPORT_LIMITS = {
  /** Largest file accepted, in bytes. */
  maxFileBytes: 20 * 1024 * 1024,
  /** Largest extracted text accepted, in UTF-16 code units. */
  maxTextChars: 5_000_000,
} as const;
