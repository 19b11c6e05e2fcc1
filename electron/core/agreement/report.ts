/** The agreement report of the open project: its documents, live claims and code system, checked against the query. */
import type { AgreementQuery, AgreementReport } from '../../../shared/agreement-schema';
import { buildAgreement } from '../../../shared/agreement-report';
import { tagTree } from '../../../shared/tag-tree';
import { AppError } from '../errors';
import type { Project } from '../store/project';

/** An author or tag the query names that the project does not have is refused, so a typo never reads as "no disagreement". */
export function agreementReport(project: Project, query: AgreementQuery): AgreementReport {
  const documents = project.documents.list().map((d) => ({ id: d.id, label: d.outlet || d.title, text: project.documents.text(d.id) }));
  const tags = tagTree(project.tags.list()).map((r) => ({ id: r.tag.id, name: r.path }));
  const claims = project.annotations.list().map((a) => ({ id: a.id, documentId: a.documentId, start: a.start, end: a.end, author: a.author, tagIds: a.tagIds }));
  const authors = new Set(claims.map((c) => c.author));
  const unknownAuthor = query.authors?.find((a) => !authors.has(a));
  if (unknownAuthor !== undefined) throw new AppError('bad-input', `No claim in this project is by “${unknownAuthor}”.`);
  const tagIds = new Set(tags.map((t) => t.id));
  if (query.tagIds?.some((id) => !tagIds.has(id))) throw new AppError('not-found', 'A chosen tag does not exist (it may have been deleted).');
  return buildAgreement({ documents, claims, tags }, query);
}
