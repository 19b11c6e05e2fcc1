import { ClusterTitles } from '../clusters/clusters';
import { Memos } from '../memos/memos';
import { assessmentOf } from '../hypotheses/assessment';
import type { Project } from '../store/project';
import type { DossierSnapshot } from './build';
import { readDossierSettings, readSummary } from './settings';

/** Reads everything a dossier needs from an open project, in one consistent read. */
export function snapshotOf(project: Project, author: string, generator: string, now = new Date()): DossierSnapshot {
  const annotations = project.annotations.list();
  const notes = project.notes.claimNotes();
  const settings = readDossierSettings(project, author);
  return {
    projectName: project.info().name,
    documents: project.documents.list().map((d) => ({ ...d, text: project.documents.text(d.id), pageStarts: project.documents.pageStarts(d.id) })),
    tags: project.tags.list(),
    annotations,
    links: project.links.list(),
    relations: project.relations.list(),
    notes,
    summaryJson: readSummary(project)?.json ?? null,
    memos: new Memos(project).written().map(({ summary, ref, json }) => ({
      ref,
      kind: summary.owner.kind,
      ownerId: summary.owner.kind === 'project' ? null : summary.owner.id,
      owner: summary.ownerName,
      json,
      text: summary.text,
      author: summary.author,
      modifiedAt: summary.modifiedAt,
    })),
    defaultTitle: settings.title,
    defaultAnalyst: settings.analyst,
    now,
    generator,
    attributes: project.attributes.list(),
    attributeValues: project.attributes.values(),
    assessment: assessmentOf(project, author),
    clusterTitles: new ClusterTitles(project).titles(),
  };
}
