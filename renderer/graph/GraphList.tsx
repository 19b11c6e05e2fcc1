import type { Link, RelationType } from '../../shared/contract';
import type { GraphNode } from '../../shared/graphModel';
import { useWorkspace } from '../app/workspace';
import { useT, type Translate } from '../i18n/I18n';
import { relationNames } from '../links/relationLabel';
import type { GraphView } from './useGraphModel';

/** Lists shown at most when nothing is selected: the whole graph would be a wall of buttons. */
const UNCENTERED_LIMIT = 100;

interface Props {
  view: GraphView;
  hops: number;
  onOpen(nodeId: string): void;
}

/**
 * The accessible alternative to the drawing: the same neighbourhood as nested lists — the selected
 * claim, the claims linked to it under the link's reading ("supports", "is supported by"), and at
 * two hops their own links beneath them. Every claim is a button that opens it.
 */
export function GraphList({ view, hops, onOpen }: Props) {
  const t = useT();
  const { state } = useWorkspace();
  const nodes = new Map(view.nodes.map((n) => [n.id, n]));
  const docTitle = new Map(state.documents.map((d) => [d.id, d.title]));
  const claimDoc = new Map(state.annotations.map((a) => [a.id, a.documentId]));
  const links = new Map(state.links.map((l) => [l.id, l]));
  const where = (n: GraphNode) => (n.isCluster ? t('graph.clusterOf', { count: n.claimIds.length }) : (docTitle.get(claimDoc.get(n.id) ?? '') ?? ''));

  const item = (n: GraphNode) => (
    <button type="button" className="graph-list-claim" onClick={() => onOpen(n.id)}>
      <span className="graph-swatch" style={{ background: n.color }} aria-hidden="true" />
      {n.label} <span className="muted">— {where(n)}</span>
    </button>
  );

  const branch = (id: string, depth: number, seen: Set<string>) => {
    const out = view.edges.filter((e) => e.source === id || e.target === id).filter((e) => !seen.has(e.source === id ? e.target : e.source));
    if (out.length === 0) return null;
    return (
      <ul>
        {out.map((e) => {
          const other = nodes.get(e.source === id ? e.target : e.source)!;
          const link = links.get(e.id)!;
          return (
            <li key={e.id}>
              <span className="graph-relation" style={{ color: e.color }}>
                {reading(link, e.source === id, state.relations, t)}
              </span>{' '}
              {item(other)}
              {depth < hops ? branch(other.id, depth + 1, new Set([...seen, other.id])) : null}
            </li>
          );
        })}
      </ul>
    );
  };

  if (!view.centerId) {
    return (
      <div className="graph-list">
        <p className="muted">{t('graph.listPick')}</p>
        <ul>
          {view.nodes.slice(0, UNCENTERED_LIMIT).map((n) => (
            <li key={n.id}>{item(n)}</li>
          ))}
        </ul>
        {view.nodes.length > UNCENTERED_LIMIT ? <p className="muted">{t('graph.listMore', { count: view.nodes.length - UNCENTERED_LIMIT })}</p> : null}
      </div>
    );
  }
  const center = nodes.get(view.centerId)!;
  return (
    <div className="graph-list" aria-label={t('graph.listTitle')} role="region">
      <ul>
        <li>
          {item(center)}
          {branch(center.id, 1, new Set([center.id])) ?? <p className="muted">{t('graph.noLinks')}</p>}
        </li>
      </ul>
    </div>
  );
}

/** The link read from the node it is listed under: forwards from its source, inverse from its target. */
function reading(link: Link, fromSource: boolean, relations: readonly RelationType[], t: Translate): string {
  const rel = relations.find((r) => r.id === link.relationId);
  if (!rel) return '?';
  const names = relationNames(rel, t);
  return fromSource || rel.symmetric ? names.name : names.inverseName;
}
