import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { compareValues, type Attribute, type AttributeType, type AttributeValue, type ValueOwnerKind } from '../../shared/attributes';
import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';

export interface AttributesApi {
  attributes: Attribute[];
  /** The value of `attributeId` on document `documentId`, if it has one. */
  documentValue(documentId: string, attributeId: string): string | undefined;
  /** The claim's own override (source grading only), if it has one. */
  claimOverride(annotationId: string, attributeId: string): string | undefined;
  /** The value a claim counts under: its override, else its document's. */
  claimValue(annotationId: string, documentId: string, attributeId: string): string | undefined;
  /** The distinct values given to `attributeId` anywhere, choices in their list's order. */
  usedValues(attributeId: string): string[];
  /** Sets one value (null clears it). Resolves false when the backend refused it (the error is shown). */
  setValue(owner: { kind: ValueOwnerKind; id: string }, attributeId: string, value: string | null): Promise<boolean>;
  create(input: { name: string; type: AttributeType; choices: string[] }): Promise<Attribute | undefined>;
  update(id: string, patch: { name?: string; choices?: string[] }): Promise<boolean>;
  remove(id: string): Promise<void>;
  dialogOpen: boolean;
  setDialogOpen(open: boolean): void;
}

const AttributesContext = createContext<AttributesApi | null>(null);

const key = (kind: ValueOwnerKind, ownerId: string, attributeId: string) => `${kind}:${ownerId}:${attributeId}`;

/**
 * The project's attributes and their values, for the document list, the claim browser, the matrix
 * and the inspector. Fetched again whenever the project's history moves (every change, undo and redo
 * does), so an undone value disappears everywhere at once.
 */
export function AttributesProvider({ children }: { children: ReactNode }) {
  const { state, actions } = useWorkspace();
  const [attributes, setAttributes] = useState<Attribute[]>([]);
  const [values, setValues] = useState<AttributeValue[]>([]);
  const [dialogOpen, setDialogOpen] = useState(false);
  const projectPath = state.project?.path ?? null;

  useEffect(() => {
    if (!projectPath) {
      setAttributes([]);
      setValues([]);
      return;
    }
    let live = true;
    void Promise.all([call('attributes.list', {}), call('attributes.values', {})]).then(
      ([a, v]) => {
        if (!live) return;
        setAttributes(a);
        setValues(v);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [projectPath, state.history, state.documents, state.annotations]);

  const byKey = useMemo(() => new Map(values.map((v) => [key(v.ownerKind, v.ownerId, v.attributeId), v.value])), [values]);
  const documentValue = useCallback((documentId: string, attributeId: string) => byKey.get(key('document', documentId, attributeId)), [byKey]);
  const claimOverride = useCallback((annotationId: string, attributeId: string) => byKey.get(key('annotation', annotationId, attributeId)), [byKey]);
  const claimValue = useCallback(
    (annotationId: string, documentId: string, attributeId: string) =>
      byKey.get(key('annotation', annotationId, attributeId)) ?? byKey.get(key('document', documentId, attributeId)),
    [byKey],
  );

  const usedValues = useCallback(
    (attributeId: string) => {
      const attr = attributes.find((a) => a.id === attributeId);
      const used = [...new Set(values.filter((v) => v.attributeId === attributeId).map((v) => v.value))];
      return attr ? used.sort((a, b) => compareValues(attr.type, a, b, attr.choices)) : used;
    },
    [attributes, values],
  );

  const { guard, refresh } = actions;
  const setValue = useCallback(
    async (owner: { kind: ValueOwnerKind; id: string }, attributeId: string, value: string | null) => {
      const done = await guard(() => call('attributes.setValue', { owner, attributeId, value }));
      await refresh('history');
      return done !== undefined;
    },
    [guard, refresh],
  );
  const create = useCallback(
    async (input: { name: string; type: AttributeType; choices: string[] }) => {
      const made = await guard(() => call('attributes.create', input));
      await refresh('history');
      return made;
    },
    [guard, refresh],
  );
  const update = useCallback(
    async (id: string, patch: { name?: string; choices?: string[] }) => {
      const done = await guard(() => call('attributes.update', { id, ...patch }));
      await refresh('history');
      return done !== undefined;
    },
    [guard, refresh],
  );
  const remove = useCallback(
    async (id: string) => {
      await guard(() => call('attributes.delete', { id }));
      await refresh('history');
    },
    [guard, refresh],
  );

  const value = useMemo(
    () => ({ attributes, documentValue, claimOverride, claimValue, usedValues, setValue, create, update, remove, dialogOpen, setDialogOpen }),
    [attributes, documentValue, claimOverride, claimValue, usedValues, setValue, create, update, remove, dialogOpen],
  );
  return <AttributesContext.Provider value={value}>{children}</AttributesContext.Provider>;
}

export function useAttributes(): AttributesApi {
  const ctx = useContext(AttributesContext);
  if (!ctx) throw new Error('useAttributes outside AttributesProvider');
  return ctx;
}
