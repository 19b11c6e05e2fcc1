/** Building the codebook file of the open project, and the API handlers that hand it over or write it. */
import type { ApiOutput, ApiParsedInput } from '../../../shared/contract';
import type { DossierLanguage } from '../../../shared/dossier';
import { writeFileAtomic } from '../export/index';
import { exportQdc } from '../refi/export';
import type { Project } from '../store/project';
import { codebookDocx } from './docx';
import { buildCodebook, codebookLabels, type CodebookFormat } from './model';
import { codebookCsv, codebookHtml, codebookMarkdown } from './render';

const MIME: Record<CodebookFormat, string> = {
  html: 'text/html;charset=utf-8',
  md: 'text/markdown;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  qdc: 'application/xml',
};

export interface CodebookFile {
  fileName: string;
  mime: string;
  data: Buffer;
}

export async function codebookFile(project: Project, format: CodebookFormat, language: DossierLanguage, now = new Date()): Promise<CodebookFile> {
  // The REFI-QDA codebook is the code tree for other tools, not a document to read.
  if (format === 'qdc') return { fileName: `${codebookLabels(language).title}.qdc`, mime: MIME.qdc, data: Buffer.from(exportQdc(project), 'utf8') };
  const claimTags = project.annotations.list().map((a) => a.tagIds);
  const book = buildCodebook(project.tags.list(), claimTags, { project: project.info().name, language, generatedAt: now.toISOString().slice(0, 10) });
  const data =
    format === 'docx'
      ? await codebookDocx(book)
      : Buffer.from(format === 'html' ? codebookHtml(book) : format === 'md' ? codebookMarkdown(book) : codebookCsv(book, { bom: true }), 'utf8');
  return { fileName: `${codebookLabels(language).title}.${format}`, mime: MIME[format], data };
}

type CodebookApi = 'codebook.build' | 'codebook.write';
export type CodebookHandlers = { [N in CodebookApi]: (input: ApiParsedInput<N>) => Promise<ApiOutput<N>> };

export function codebookHandlers(project: () => Project): CodebookHandlers {
  return {
    'codebook.build': async ({ format, language }) => {
      const file = await codebookFile(project(), format, language);
      return { fileName: file.fileName, mime: file.mime, dataBase64: file.data.toString('base64') };
    },
    'codebook.write': async ({ format, language, path }) => {
      const file = await codebookFile(project(), format, language);
      writeFileAtomic(path, file.data);
      return { path, bytes: file.data.length };
    },
  };
}
