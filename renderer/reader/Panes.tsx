import { useRef } from 'react';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { useViewPane } from '../views/useViewPane';
import { ViewPane } from '../views/ViewPane';
import { viewDef } from '../views/views';
import { ConnectorOverlay } from '../connectors/ConnectorOverlay';
import { Pane } from './Pane';
import { Splitter } from './Splitter';

/**
 * The reading area: open documents side by side, with splitters between them, and the view pane
 * (graph, timeline…) at the end of the row when one is open. Each pane keeps a readable width
 * (styles.css, .pane-slot); panes that do not fit scroll sideways, never squeeze.
 */
export function Panes() {
  const t = useT();
  const { view, resize } = useViewPane();
  const outer = useRef<HTMLDivElement>(null);
  const shown = view && viewDef(view.kind) ? view : null;
  if (!shown) return <DocumentPanes />;
  const sizes = [1 - shown.share, shown.share];
  return (
    <div className="reading-row" ref={outer}>
      <div className="reading-docs" style={{ flexGrow: sizes[0] }}>
        <DocumentPanes />
      </div>
      <div className="view-slot" style={{ flexGrow: sizes[1] }}>
        <Splitter label={t('view.resize')} sizes={sizes} index={1} container={outer} onResize={(next) => resize(next[1]! / (next[0]! + next[1]!))} />
        <ViewPane />
      </div>
    </div>
  );
}

function DocumentPanes() {
  const t = useT();
  const { state, actions } = useWorkspace();
  const row = useRef<HTMLDivElement>(null);
  const docs = new Map(state.documents.map((d) => [d.id, d]));
  const panes = state.layout.panes.filter((p) => docs.has(p.documentId));
  if (panes.length === 0) {
    return (
      <div className="panes panes-empty">
        <p>{t('panes.empty')}</p>
      </div>
    );
  }
  const sizes = panes.map((p) => p.share);
  return (
    <div className="panes" ref={row}>
      {panes.map((p, i) => (
        <div key={p.documentId} className="pane-slot" style={{ flexGrow: p.share }}>
          {i > 0 ? (
            <Splitter
              label={t('pane.resize')}
              sizes={sizes}
              index={i}
              container={row}
              onResize={(next) => actions.resizePanes(next)}
            />
          ) : null}
          <Pane doc={docs.get(p.documentId)!} index={i} count={panes.length} />
        </div>
      ))}
      <ConnectorOverlay />
    </div>
  );
}
