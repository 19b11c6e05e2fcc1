/**
 * Parsing untrusted XML into a small element tree, with limits checked as it is read: nesting
 * depth, element count and wall-clock time. htmlparser2 in XML mode declares no entities of the
 * document's own, so an entity bomb stays text. A refusal says what went wrong and where (an element
 * number), never what the file contains.
 */
import { Parser } from 'htmlparser2';
import { AppError } from '../errors';

export interface XNode {
  /** The local name: a namespace prefix (`qda:Project`) is dropped. */
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  text: string;
}

export interface TreeLimits {
  maxDepth: number;
  maxElements: number;
  /** Date.now() past which reading stops. */
  deadline: number;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

export function parseXmlTree(xml: string, where: string, limits: TreeLimits): XNode {
  const root: XNode = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XNode[] = [root];
  let elements = 0;
  const refuse = (why: string) => new AppError('bad-input', `${where} cannot be read: ${why} (at element ${elements}). Nothing was imported.`);
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        elements++;
        if (stack.length > limits.maxDepth) throw refuse(`its elements are nested more than ${limits.maxDepth} levels deep`);
        if (elements > limits.maxElements) throw refuse(`it has more than ${limits.maxElements.toLocaleString('en')} elements`);
        if (elements % 4096 === 0 && Date.now() > limits.deadline) throw refuse('reading it took too long');
        const local: Record<string, string> = {};
        for (const [k, v] of Object.entries(attrs)) local[localName(k)] = v;
        const node: XNode = { name: localName(name), attrs: local, children: [], text: '' };
        stack[stack.length - 1]!.children.push(node);
        stack.push(node);
      },
      ontext(text) {
        stack[stack.length - 1]!.text += text;
      },
      onclosetag() {
        if (stack.length > 1) stack.pop();
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return root;
}

export function child(node: XNode, name: string): XNode | undefined {
  return node.children.find((c) => c.name === name);
}

export function children(node: XNode, name: string): XNode[] {
  return node.children.filter((c) => c.name === name);
}
