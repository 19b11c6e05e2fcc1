import { useState } from 'react';
import { CLUSTER_NEIGHBOUR_KINDS, ClusterTitleMax, type ClusterInfo, type ClusterNeighbour } from '../../shared/cluster-api';
import { useRevealClaim } from '../annotations/useRevealClaim';
import { useWorkspace } from '../app/workspace';
import { useT } from '../i18n/I18n';
import { useCitation } from '../reader/useCitation';
import { Dialog } from '../ui/Dialog';
import { useClusterStore } from './store';
import { useClusters } from './useClusters';

/** The open cluster's dialog, wherever it was opened from (the inspector, the claim browser, the timeline). */
export function ClusterDialogHost() {
  const clusters = useClusters();
  const openKey = useClusterStore((s) => s.openKey);
  const close = useClusterStore((s) => s.close);
  const cluster = clusters.find((c) => c.key === openKey);
  if (!cluster) return null;
  return <ClusterDialog key={cluster.key} cluster={cluster} onClose={close} />;
}

/**
 * One claim cluster: the title the analyst edits (the earliest quote until then), the sources that
 * assert it, its claims, and the claims that support, elaborate or contradict any of them.
 */
function ClusterDialog({ cluster, onClose }: { cluster: ClusterInfo; onClose(): void }) {
  const t = useT();
  const { state, actions } = useWorkspace();
  const rename = useClusterStore((s) => s.rename);
  const [title, setTitle] = useState(cluster.title ?? '');
  const reveal = useRevealClaim();
  const go = (id: string) => {
    onClose();
    reveal(id);
  };
  const save = () =>
    void actions.guard(async () => {
      const renamed = await rename(cluster.key, title);
      await actions.refresh('history');
      actions.notify('info', t('clusters.renamed', { title: renamed.title ?? renamed.defaultTitle }));
    });
  const readOnly = state.project?.readOnly ?? true;
  return (
    <Dialog title={t('clusters.dialogTitle')} onClose={onClose} wide>
      <div className="dialog-body cluster-body">
      <form
        className="cluster-rename"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <label>
          <span>{t('clusters.titleLabel')}</span>
          <input
            data-autofocus
            value={title}
            maxLength={ClusterTitleMax}
            placeholder={cluster.defaultTitle}
            readOnly={readOnly}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <button type="submit" disabled={readOnly || title.trim() === (cluster.title ?? '')}>
          {t('clusters.save')}
        </button>
      </form>
      <p className="muted small">{t('clusters.titleHint')}</p>
      <h3>{t('clusters.assertedBy')}</h3>
      <ul className="cluster-sources">
        {cluster.documentIds.map((id) => (
          <li key={id}>{state.documents.find((d) => d.id === id)?.title ?? ''}</li>
        ))}
      </ul>
      <h3>{t('clusters.claimsCount', { count: cluster.memberIds.length })}</h3>
      <ul className="cluster-claims">
        {cluster.memberIds.map((id) => (
          <ClaimItem key={id} id={id} onOpen={go} />
        ))}
      </ul>
      {CLUSTER_NEIGHBOUR_KINDS.map((kind) => {
        const list = cluster.neighbours.filter((n) => n.kind === kind);
        if (list.length === 0) return null;
        return (
          <section key={kind} className={`cluster-neighbours rel-${kind}`} aria-label={t(`clusters.kind.${kind}`)}>
            <h3>{t(`clusters.kind.${kind}`)}</h3>
            <ul className="cluster-claims">
              {list.map((n) => (
                <ClaimItem key={n.linkId} id={n.claimId} onOpen={go} relation={relationWords(t, n)} />
              ))}
            </ul>
          </section>
        );
      })}
      {cluster.neighbours.length === 0 ? <p className="muted small">{t('clusters.noNeighbours')}</p> : null}
      </div>
    </Dialog>
  );
}

function relationWords(t: ReturnType<typeof useT>, n: ClusterNeighbour): string {
  return t(`clusters.rel.${n.kind}.${n.toMember ? 'to' : 'from'}`);
}

function ClaimItem({ id, onOpen, relation }: { id: string; onOpen(id: string): void; relation?: string }) {
  const { state } = useWorkspace();
  const claim = state.annotations.find((a) => a.id === id);
  const doc = state.documents.find((d) => d.id === claim?.documentId);
  const citation = useCitation(claim, doc);
  if (!claim) return null;
  return (
    <li>
      <button type="button" className="link-target" onClick={() => onOpen(id)}>
        {relation ? <span className="relation">{relation} </span> : null}
        <q>{claim.exact.length > 140 ? `${claim.exact.slice(0, 140)}…` : claim.exact}</q> <span className="muted small">{citation}</span>
      </button>
    </li>
  );
}
