// Runs a module the way Electron's utility process does, for the typed stand-in
// (electron-standin-utility.ts): `process.parentPort` is an EventEmitter whose 'message' events
// carry `{ data, ports }` and whose postMessage reaches the parent; messages that arrive before a
// 'message' listener exists are queued until one is added, as Electron's docs say.
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';

const parentPort = new EventEmitter();
const queued = [];
const deliver = (data) => parentPort.emit('message', { data, ports: [] });
parentPort.postMessage = (message) => {
  process.send(message);
};
parentPort.on('newListener', (event) => {
  if (event !== 'message') return;
  setImmediate(() => {
    while (queued.length > 0 && parentPort.listenerCount('message') > 0) deliver(queued.shift());
  });
});
process.on('message', (data) => {
  if (parentPort.listenerCount('message') > 0 && queued.length === 0) deliver(data);
  else queued.push(data);
});
process.parentPort = parentPort;

const [modulePath, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], modulePath, ...args];
await import(pathToFileURL(modulePath).href);
