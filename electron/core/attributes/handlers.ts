import type { ApiOutput, ApiParsedInput } from '../../../shared/contract';
import type { Project } from '../store/project';
import { attributeLabel, attributeUpdateLabel, valueLabel } from './labels';
import { countByValue } from './matrix';

type AttributeCall =
  | 'attributes.list'
  | 'attributes.create'
  | 'attributes.update'
  | 'attributes.usage'
  | 'attributes.delete'
  | 'attributes.values'
  | 'attributes.setValue'
  | 'matrix.get';
type Handlers = { [N in AttributeCall]: (input: ApiParsedInput<N>) => ApiOutput<N> };

/** The API of source attributes; every change is one undo step with a label the UI can word. */
export function attributeHandlers(requireProject: () => Project, author: () => string): Handlers {
  return {
    'attributes.list': () => requireProject().attributes.list(),
    'attributes.create': (input) => {
      const p = requireProject();
      return p.undoable((a: { id: string }) => attributeLabel(p.attributes, 'attribute.create', a.id), (now) => p.attributes.create(input, now));
    },
    'attributes.update': ({ id, ...patch }) => {
      const p = requireProject();
      return p.undoable(attributeUpdateLabel(p.attributes, id, patch), (now) => p.attributes.update(id, patch, now));
    },
    'attributes.usage': ({ id }) => ({ values: requireProject().attributes.usage(id) }),
    'attributes.delete': ({ id }) => {
      const p = requireProject();
      return p.undoableStep(attributeLabel(p.attributes, 'attribute.delete', id), (now) => p.attributes.delete(id, now));
    },
    'attributes.values': () => requireProject().attributes.values(),
    'attributes.setValue': ({ owner, attributeId, value }) => {
      const p = requireProject();
      return p.undoableStep(valueLabel(p, p.attributes, owner, attributeId), (now) => {
        p.attributes.setValue(owner, attributeId, value, author(), now);
      });
    },
    'matrix.get': ({ byAttribute }) => {
      const p = requireProject();
      const cells = p.matrix.cells();
      if (byAttribute === undefined) return { cells };
      p.attributes.get(byAttribute);
      return { cells, byValue: countByValue(p.database, byAttribute) };
    },
  };
}
