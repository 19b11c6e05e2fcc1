/**
 * The child process of crash.test.ts: opens a project through the backend, the way the app does,
 * and creates claims one after another until it is killed, printing `ack <id>` for each write
 * the backend has answered. An acknowledged write is one the user would have seen land.
 *
 * argv: <home> <project> <documentId>
 */
import { createBackend } from '../../../electron/core/backend';

const [home, projectPath, documentId] = process.argv.slice(2);
if (!home || !projectPath || !documentId) {
  console.error('usage: writer <home> <project> <documentId>');
  process.exit(2);
}

const backend = createBackend({ homeDir: home, resourcesDir: home, version: 'crash-test', projectPath });
const tags = await backend.call('tags.list', {});
const { length } = await backend.call('documents.get', { id: documentId });

// Bounded so a test that never kills it still ends; the test kills it long before.
for (let i = 0; i < 100_000; i++) {
  const start = (i * 7) % (length - 20);
  const claim = await backend.call('annotations.create', { documentId, start, end: start + 5 + (i % 15), tagIds: [tags[i % tags.length]!.id] });
  process.stdout.write(`ack ${claim.id}\n`);
}
backend.close();
