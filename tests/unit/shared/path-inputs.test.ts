import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { api, API_NAMES, PATH_INPUTS } from '../../../shared/contract';

/** Every property name anywhere in a JSON schema, however deep (objects, unions, arrays). */
function propertyNames(schema: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const s of schema) propertyNames(s, out);
  else if (schema && typeof schema === 'object') {
    for (const [k, v] of Object.entries(schema)) {
      if (k === 'properties' && v && typeof v === 'object') for (const name of Object.keys(v)) out.add(name);
      propertyNames(v, out);
    }
  }
  return out;
}

describe('PATH_INPUTS', () => {
  it('lists every call whose input can name a path, so browser mode refuses a page-supplied path to each', () => {
    const taking = API_NAMES.filter((name) => propertyNames(z.toJSONSchema(api[name].input, { io: 'input', unrepresentable: 'any' })).has('path'));
    expect(taking.length).toBeGreaterThan(4);
    expect(taking.filter((name) => !PATH_INPUTS[name]?.includes('path'))).toEqual([]);
  });
});
