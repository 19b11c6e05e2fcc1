import type { ComponentType } from 'react';
import type { ViewKind } from '../../shared/contract';
import type { MessageKey } from '../i18n/en';
import { AgreementView } from '../agreement/AgreementView';
import { GraphView } from '../graph/GraphView';
import { HypothesesView } from '../hypotheses/HypothesesView';
import { TimelineView } from '../timeline/TimelineView';

/**
 * The analysis views that can open in the view pane. Each feature adds its own entry here; the
 * pane shows a tab for each, in this order.
 */
export interface ViewDef {
  kind: ViewKind;
  /** The tab's label. */
  title: MessageKey;
  component: ComponentType;
}

export const VIEWS: readonly ViewDef[] = [
  { kind: 'graph', title: 'graph.title', component: GraphView },
  { kind: 'timeline', title: 'timeline.title', component: TimelineView },
  { kind: 'hypotheses', title: 'view.hypotheses', component: HypothesesView },
  { kind: 'agreement', title: 'agreement.title', component: AgreementView },
];

export function viewDef(kind: ViewKind): ViewDef | undefined {
  return VIEWS.find((v) => v.kind === kind);
}
