import type { StepLabel } from '../../../shared/history';
import type { Project } from './project';

/** Quotes in labels are cut to this many characters: a label names a thing, it does not reprint it. */
const QUOTE_LIMIT = 60;

export function shortQuote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= QUOTE_LIMIT ? flat : `${flat.slice(0, QUOTE_LIMIT - 1).trimEnd()}…`;
}

/** The English name of a step, for the CLI, logs and error messages (the UI words labels itself). */
export function englishLabel(label: StepLabel): string {
  const p = label.params;
  switch (label.kind) {
    case 'claim.create':
      return 'Create claim';
    case 'claim.retag':
      return 'Retag claim';
    case 'claim.delete':
      return 'Delete claim';
    case 'link.create':
      return 'Link claims';
    case 'link.update':
      return 'Change link';
    case 'link.delete':
      return 'Delete link';
    case 'autocode': {
      const n = Number(p.created ?? 0) + Number(p.tagged ?? 0);
      return `Auto-code ${n} ${n === 1 ? 'hit' : 'hits'}`;
    }
    case 'tag.create':
      return `Create tag “${p.name}”`;
    case 'tag.rename':
      return `Rename tag “${p.from}” to “${p.name}”`;
    case 'tag.recolor':
      return `Recolour tag “${p.name}”`;
    case 'tag.delete':
      return `Delete tag “${p.name}”`;
    case 'tag.move':
      return p.parent ? `Nest tag “${p.name}” under “${p.parent}”` : `Move tag “${p.name}”`;
    case 'tag.describe':
      return `Describe tag “${p.name}”`;
    case 'tag.favourite':
      return p.on ? `Star tag “${p.name}”` : `Unstar tag “${p.name}”`;
    case 'tag.merge':
      return `Merge tag “${p.name}” into “${p.target}”`;
    case 'tag.moveClaims': {
      const n = Number(p.count ?? 0);
      return `Move ${n} ${n === 1 ? 'claim' : 'claims'} from “${p.name}” to “${p.target}”`;
    }
    case 'document.update':
      return `Edit details of “${p.title}”`;
    case 'document.delete':
      return `Delete document “${p.title}”`;
    case 'relation.create':
      return `Create link type “${p.name}”`;
    case 'relation.update':
      return `Change link type “${p.name}”`;
    case 'relation.delete':
      return `Delete link type “${p.name}”`;
    case 'note.clear':
      return 'Clear note';
    case 'memo.clear':
      if (p.owner === 'project') return 'Clear project memo';
      return `Clear memo on ${p.owner === 'tag' ? 'tag' : 'document'} “${p.name}”`;
    case 'other':
      return String(p.text ?? '');
    case 'attribute.create':
      return `Create attribute “${p.name}”`;
    case 'attribute.rename':
      return `Rename attribute “${p.from}” to “${p.name}”`;
    case 'attribute.choices':
      return `Change the choices of “${p.name}”`;
    case 'attribute.delete':
      return `Delete attribute “${p.name}”`;
    case 'attribute.value':
      return `Set “${p.name}” of “${p.owner}”`;
    case 'analysis.create':
      return `Start analysis “${p.question}”`;
    case 'analysis.rename':
      return `Reword analysis “${p.question}”`;
    case 'analysis.delete':
      return `Delete analysis “${p.question}”`;
    case 'hypothesis.create':
      return `Add hypothesis “${p.title}”`;
    case 'hypothesis.update':
      return `Edit hypothesis “${p.title}”`;
    case 'hypothesis.move':
      return `Move hypothesis “${p.title}”`;
    case 'hypothesis.delete':
      return `Delete hypothesis “${p.title}”`;
    case 'evidence.add': {
      const n = Number(p.count ?? 0);
      return `Add ${n} evidence ${n === 1 ? 'row' : 'rows'}`;
    }
    case 'evidence.update':
      return `Change evidence “${p.text}”`;
    case 'evidence.move':
      return `Move evidence “${p.text}”`;
    case 'evidence.delete':
      return `Remove evidence “${p.text}”`;
    case 'rating.set':
      return `Rate “${p.row}” ${p.rating} for “${p.hypothesis}”`;
    case 'rating.clear':
      return `Clear the rating of “${p.row}” for “${p.hypothesis}”`;
    case 'rating.explain':
      return `Explain the rating of “${p.row}” for “${p.hypothesis}”`;
    case 'cluster.rename':
      return `Rename cluster “${p.from}” to “${p.name}”`;
  }
}

/**
 * Builds the labels of the backend's undo steps from the project as it stands: a deletion is
 * labelled before it runs, while the thing still has its name.
 */
export class StepLabels {
  constructor(private readonly project: Project) {}

  claim(kind: 'claim.create' | 'claim.retag' | 'claim.delete', id: string): StepLabel {
    return { kind, params: { quote: shortQuote(this.project.annotations.get(id).exact) } };
  }

  link(kind: 'link.create' | 'link.update' | 'link.delete', id: string): StepLabel {
    const link = this.project.links.get(id);
    const relation = this.project.relations.get(link.relationId);
    return {
      kind,
      params: {
        from: shortQuote(this.project.annotations.get(link.fromId).exact),
        to: shortQuote(this.project.annotations.get(link.toId).exact),
        relation: relation.name,
        // A built-in's stable key lets the UI say it in its own language.
        builtin: relation.builtin ?? '',
      },
    };
  }

  tagUpdate(id: string, patch: { name?: string | undefined; color?: string | undefined }): StepLabel {
    const tag = this.project.tags.get(id);
    const name = patch.name?.trim();
    if (name !== undefined && name !== tag.name) return { kind: 'tag.rename', params: { from: tag.name, name } };
    return { kind: 'tag.recolor', params: { name: tag.name } };
  }

  tag(kind: 'tag.create' | 'tag.delete' | 'tag.describe', id: string): StepLabel {
    return { kind, params: { name: this.project.tags.get(id).name } };
  }

  tagFavourite(id: string, on: boolean): StepLabel {
    return { kind: 'tag.favourite', params: { name: this.project.tags.get(id).name, on: on ? 1 : 0 } };
  }

  /** A move names the new parent ('' at the top level). */
  tagMove(id: string, parentId: string | null): StepLabel {
    return { kind: 'tag.move', params: { name: this.project.tags.get(id).name, parent: parentId ? this.project.tags.get(parentId).name : '' } };
  }

  tagRecode(kind: 'tag.merge' | 'tag.moveClaims', sourceId: string, targetId: string, count: number): StepLabel {
    return { kind, params: { name: this.project.tags.get(sourceId).name, target: this.project.tags.get(targetId).name, count } };
  }

  document(kind: 'document.update' | 'document.delete', id: string): StepLabel {
    return { kind, params: { title: shortQuote(this.project.documents.get(id).title) } };
  }

  relation(kind: 'relation.create' | 'relation.update' | 'relation.delete', id: string): StepLabel {
    const relation = this.project.relations.get(id);
    return { kind, params: { name: relation.name, builtin: relation.builtin ?? '' } };
  }

  /** A cleared note is named by what it was on: the claim's quote, or the link's two ends. */
  noteClear(owner: { kind: 'annotation' | 'link'; id: string }): StepLabel {
    if (owner.kind === 'annotation') return { kind: 'note.clear', params: { owner: 'claim', quote: shortQuote(this.project.annotations.get(owner.id).exact) } };
    const link = this.link('link.update', owner.id);
    return { kind: 'note.clear', params: { owner: 'link', ...link.params } };
  }
}
