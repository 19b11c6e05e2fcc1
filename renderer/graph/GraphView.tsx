import type { Core } from 'cytoscape';
import { useCallback, useEffect, useRef } from 'react';
import { useRevealClaim } from '../annotations/useRevealClaim';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { exportPng, exportSvg } from './exportGraph';
import { GraphCanvas } from './GraphCanvas';
import { GraphList } from './GraphList';
import type { PaleLayer } from './paleLayer';
import { GraphToolbar } from './GraphToolbar';
import { useGraph } from './store';
import { useGraphView } from './useGraphModel';

/**
 * The claim graph in the view pane: claims (or clusters) as nodes, links as typed edges, centred
 * on the selected claim and following it; a node opens its claim in its pane.
 */
export function GraphView() {
  const t = useT();
  const { state, actions } = useWorkspace();
  const reveal = useRevealClaim();
  const g = useGraph();
  const view = useGraphView();
  const cyRef = useRef<Core | null>(null);
  const paleRef = useRef<PaleLayer | null>(null);
  const projectId = state.project?.path ?? null;
  const { loadPositions, arrangement } = g;

  useEffect(() => {
    if (projectId) void loadPositions();
  }, [projectId, arrangement, loadPositions]);

  const open = useCallback(
    (nodeId: string) => {
      const node = view.nodes.find((n) => n.id === nodeId);
      // A cluster opens its key claim, the earliest: where the statement was first made.
      if (node) reveal(node.claimIds[0]!);
    },
    [view.nodes, reveal],
  );

  const onExport = (format: 'svg' | 'png') => {
    const cy = cyRef.current;
    const title = state.project?.name ?? t('graph.title');
    const fileName = `${title} — ${t('graph.title')}.${format}`.replace(/[\\/:*?"<>|]+/g, ' ');
    if (!cy) return;
    void actions.guard(async () => {
      const outcome = format === 'svg' ? await exportSvg(cy, view, t('graph.figureTitle', { title }), fileName) : await exportPng(cy, paleRef.current, fileName);
      if (outcome.kind === 'saved') actions.notify('info', t('graph.figureSaved', { name: outcome.name }));
    });
  };

  if (view.model.nodes.length === 0) {
    return <p className="graph-empty muted">{t('graph.empty')}</p>;
  }
  return (
    <div className="graph-view">
      <GraphToolbar onExport={onExport} />
      <p className="graph-status muted">{t('graph.status', { claims: view.nodes.length, links: view.edges.length })}</p>
      {g.asList ? <GraphList view={view} hops={g.reach === 'all' ? 1 : g.reach} onOpen={open} /> : <GraphCanvas view={view} onOpen={open} cyRef={cyRef} paleRef={paleRef} />}
    </div>
  );
}
