/** The API of intercoder agreement: the report, and the report as a CSV or HTML file to download or write. */
import type { ApiOutput, ApiParsedInput } from '../../../shared/contract';
import { writeFileAtomic } from '../export/index';
import type { Project } from '../store/project';
import { agreementCsv, agreementFileName, agreementHtml } from './render';
import { agreementReport } from './report';

const MIME = { csv: 'text/csv;charset=utf-8', html: 'text/html;charset=utf-8' } as const;

type AgreementCall = 'agreement.get' | 'agreement.build' | 'agreement.write';
type Handlers = { [N in AgreementCall]: (input: ApiParsedInput<N>) => ApiOutput<N> };

function fileOf(project: Project, { format, language, authors, tagIds }: ApiParsedInput<'agreement.build'>) {
  const report = agreementReport(project, { authors, tagIds });
  const text = format === 'csv' ? agreementCsv(report, language) : agreementHtml(report, language, project.info().name);
  return { fileName: agreementFileName(language, format), mime: MIME[format], data: Buffer.from(text, 'utf8') };
}

export function agreementHandlers(requireProject: () => Project): Handlers {
  return {
    'agreement.get': (query) => agreementReport(requireProject(), query),
    'agreement.build': (input) => {
      const file = fileOf(requireProject(), input);
      return { fileName: file.fileName, mime: file.mime, dataBase64: file.data.toString('base64') };
    },
    'agreement.write': ({ path, ...input }) => {
      const file = fileOf(requireProject(), input);
      writeFileAtomic(path, file.data);
      return { path, bytes: file.data.length };
    },
  };
}
