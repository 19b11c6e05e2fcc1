import path from 'node:path';
import { Project } from '../../electron/core/store/project';
import { addPane, EMPTY_LAYOUT } from '../../shared/layout';
import { generateText, spreadClaims } from './corpus';

export interface DocSpec {
  title: string;
  length: number;
  claims: number;
  seed: number;
}

export interface BuiltDoc extends DocSpec {
  id: string;
  text: string;
}

/** Claims per link: every tenth claim is linked to the next one, as analysts link nearby claims. */
const LINK_EVERY = 10;

/**
 * Creates a project through the core (the same store code the app runs) holding the generated
 * documents and their claims, with tags and some links. Setup is not what is measured, so each
 * document's claims land in one transaction.
 */
export function buildProject(dir: string, name: string, docs: readonly DocSpec[]): { file: string; docs: BuiltDoc[] } {
  const file = path.join(dir, `${name}.crossread`);
  const project = Project.create(file);
  try {
    const tags = project.tags.list();
    const relation = project.relations.list()[0]!;
    const built: BuiltDoc[] = [];
    for (const spec of docs) {
      const text = generateText(spec.length, spec.seed);
      if (text.length !== spec.length) throw new Error(`generated ${text.length} characters, wanted ${spec.length}`);
      const meta = project.write((now) =>
        project.documents.insert(
          { text, title: spec.title, outlet: 'Bench', author: 'Generated', date: null, language: 'ru', format: 'txt', encoding: 'utf-8' },
          `${spec.title}.txt`,
          now,
        ),
      );
      project.write((now) => {
        let previous: string | null = null;
        spreadClaims(text, spec.claims, spec.seed + 1, tags.length).forEach((c, i) => {
          const a = project.annotations.create(
            { documentId: meta.id, start: c.start, end: c.end, tagIds: c.tags.map((t) => tags[t]!.id) },
            'Bench',
            now,
          );
          if (previous && i % LINK_EVERY === 0) project.links.create({ fromId: previous, toId: a.id, relationId: relation.id }, 'Bench', now);
          previous = a.id;
        });
      });
      built.push({ ...spec, id: meta.id, text });
    }
    return { file, docs: built };
  } finally {
    project.close();
  }
}

/** Opens the given documents in panes when the app next starts (the layout is what a user left). */
export function setLayout(file: string, documentIds: readonly string[]): void {
  const project = Project.open(file);
  try {
    project.setLayout(documentIds.reduce((layout, id) => addPane(layout, id), EMPTY_LAYOUT));
  } finally {
    project.close();
  }
}
