import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createBackend, type Backend } from '../core/backend';
import { AppError } from '../core/errors';
import { log } from '../core/log';
import type { ProjectLockMode } from '../core/project-lock';
import { defaultHomeDir } from '../core/paths';
import { printable, readRegularFile } from '../core/files/read';
import { IMPORT_LIMITS } from '../core/import/index';
import { Project } from '../core/store/project';
import { startServer } from '../server/server';
import { exportCommand, EXPORT_USAGE } from './export';
import { formatAnnotations, formatDocuments, formatLinks, formatSearch, formatTags } from './format';
import { formatMemos, MEMOS_USAGE } from './memos';
import { HYPOTHESES_USAGE, hypothesesCommand } from './hypotheses';
import { codebookCommand, CODES_USAGE, CodesUsageError, formatTagTree } from './codes';
import { SHARE_USAGE, shareCommand, ShareUsageError } from './share';
import { ATTRIBUTES_USAGE, attributesCommand } from './attributes';
import { AGREEMENT_USAGE, agreementCommand, AgreementUsageError } from './agreement';
import { REFI_USAGE, refiCommand } from './refi';
import { CLUSTERS_USAGE, clustersCommand } from './clusters';
import { SERVE_USAGE, serveCommand } from './team-server';
import { TEAM_USAGE, teamStatusCommand } from './team';

const USAGE = `Usage: crossread <command> [options]

Commands:
  browser [--project P] [--port N] [--take-over]
                                        Run Crossread in your browser (browser mode)
  import --project P FILE... [--take-over]
                                        Import documents (.txt .md .html .docx .pdf); creates P if missing
  documents --project P [--json]        List the documents of a project
  annotations --project P [--json]      List the claims of a project
  tags --project P [--json]             List the tags of a project
  links --project P [--json]            List the links between claims
  search --project P [--json] QUERY...  Find words in the documents and notes (any form:
                                        инвестиция finds инвестиций); "quote" a phrase
${ATTRIBUTES_USAGE}
${MEMOS_USAGE}
${HYPOTHESES_USAGE}
${EXPORT_USAGE}
${SHARE_USAGE}
${CODES_USAGE}
${AGREEMENT_USAGE}
${REFI_USAGE}
${CLUSTERS_USAGE}
${SERVE_USAGE}
${TEAM_USAGE}

Options:
  --take-over     Open P even though another Crossread holds it. Only when that one is no
                  longer running (it crashed, or its computer is off): two writers would each
                  miss the other's changes.
  -h, --help      Show this help
  -v, --version   Show the version`;

class UsageError extends Error {}

const TAKE_OVER_HINT =
  'To take the project over, run the command again with --take-over — only if that Crossread is no longer running: two writers would each miss the other\'s changes.';

/** Where the built files sit: this script is out/node/cli.mjs. */
const here = path.dirname(fileURLToPath(import.meta.url));
const appRoot = path.resolve(here, '..', '..');

export async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (err) {
    if (err instanceof UsageError || err instanceof ShareUsageError || err instanceof CodesUsageError || err instanceof AgreementUsageError) {
      process.stderr.write(`crossread: ${err.message}\n\nRun 'crossread --help' for usage.\n`);
      return 2;
    }
    const message = err instanceof AppError || err instanceof Error ? err.message : String(err);
    process.stderr.write(`crossread: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    if (err instanceof AppError && err.code === 'locked') process.stderr.write(`${TAKE_OVER_HINT}\n`);
    return 1;
  }
}

async function run(argv: string[]): Promise<number> {
  // export has options of its own (--format, --out…), so it parses its arguments itself.
  // Exporting reads the project; it may run while the app has the project open.
  if (argv[0] === 'export') return exportCommand(argv.slice(1), (p) => openBackend(p, false, 'ignore'));
  // The share command has options of its own (electron/cli/share.ts).
  if (argv[0] === 'share') return shareCommand(argv.slice(1), (p) => openBackend(p, false));
  // The codebook is read-only too, like export.
  if (argv[0] === 'codebook') return codebookCommand(argv.slice(1), (p) => openBackend(p, false, 'ignore'));
  // Agreement only reads, like export.
  if (argv[0] === 'agreement') return agreementCommand(argv.slice(1), (p) => openBackend(p, false, 'ignore'));
  if (argv[0] === 'refi') return refiCommand(argv.slice(1), (p) => openBackend(p, false));
  if (argv[0] === 'serve') return serveCommand(argv.slice(1));
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        project: { type: 'string', short: 'p' },
        json: { type: 'boolean' },
        tree: { type: 'boolean' },
        port: { type: 'string' },
        'take-over': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  switch (command) {
    case 'browser':
      return browser(values.project, values.port, values['take-over'] ?? false);
    case 'import':
      if (rest.length === 0) throw new UsageError('import needs at least one FILE.');
      return importFiles(requireProjectArg(values.project), rest, values['take-over'] ?? false);
    case 'search':
      if (rest.length === 0) throw new UsageError('search needs a QUERY.');
      return search(requireProjectArg(values.project), rest.join(' '), values.json ?? false);
    case 'documents':
    case 'annotations':
    case 'tags':
    case 'links':
    case 'memos':
      if (rest.length > 0) throw new UsageError(`unexpected argument “${rest[0]}”.`);
      if (values.tree && command !== 'tags') throw new UsageError('--tree is for the tags command.');
      return list(command, requireProjectArg(values.project), values.json ?? false, values.tree ?? false);
    case 'attributes': {
      if (rest.length > 0) throw new UsageError(`unexpected argument “${rest[0]}”.`);
      const backend = openBackend(requireProjectArg(values.project), false, 'ignore');
      try {
        process.stdout.write(await attributesCommand(backend, values.json ?? false));
      } finally {
        backend.close();
      }
      return 0;
    }
    case 'hypotheses': {
      if (rest.length > 0) throw new UsageError(`unexpected argument “${rest[0]}”.`);
      const backend = openBackend(requireProjectArg(values.project), false, 'ignore');
      try {
        process.stdout.write(await hypothesesCommand(backend, values.json ?? false));
      } finally {
        backend.close();
      }
      return 0;
    }
    case 'clusters': {
      if (rest.length > 0) throw new UsageError(`unexpected argument “${rest[0]}”.`);
      const backend = openBackend(requireProjectArg(values.project), false, 'ignore');
      try {
        process.stdout.write(await clustersCommand(backend, values.json ?? false));
      } finally {
        backend.close();
      }
      return 0;
    }
    case 'team': {
      if (rest[0] !== 'status' || rest.length > 1) throw new UsageError('expected “team status”.');
      const backend = openBackend(requireProjectArg(values.project), false, 'ignore');
      try {
        process.stdout.write(teamStatusCommand(backend, values.json ?? false));
      } finally {
        backend.close();
      }
      return 0;
    }
    case undefined:
      throw new UsageError('no command given.');
    default:
      throw new UsageError(`unknown command “${command}”.`);
  }
}

function requireProjectArg(project: string | undefined): string {
  if (!project) throw new UsageError('--project P is required.');
  return path.resolve(project);
}

function version(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/**
 * `lock`: browser mode holds the project like the desktop app; one-off writes refuse a project
 * another Crossread holds; read-only listings ignore the lock, so they work while the app has the
 * project open.
 */
function openBackend(projectPath: string | undefined, remember: boolean, lock: ProjectLockMode = remember ? 'hold' : 'respect', takeOver = false): Backend {
  return createBackend({
    takeOver,
    homeDir: defaultHomeDir(),
    resourcesDir: path.join(appRoot, 'resources'),
    version: version(),
    projectPath,
    rememberRecent: remember,
    projectLock: lock,
    appName: remember ? 'browser mode' : 'the crossread command',
    // A one-off command exits at once: a background copy would be cut off half-written.
    ...(remember ? {} : { backupSchedule: false as const }),
  });
}

async function browser(project: string | undefined, portArg: string | undefined, takeOver: boolean): Promise<number> {
  const port = portArg === undefined ? 0 : Number(portArg);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a number from 0 to 65535.');
  // A long-running process: its errors go to the app's log file, as in the desktop app.
  log.toFile(path.join(defaultHomeDir(), 'logs'));
  log.info(`browser mode ${version()} started`);
  const backend = openBackend(project ? path.resolve(project) : undefined, true, 'hold', takeOver);
  const server = await startServer({ backend, rendererDir: path.join(appRoot, 'out', 'renderer'), port });
  process.stdout.write(`Crossread is running in browser mode. Open this address (it carries your access token):\n${server.openUrl}\nPress Ctrl+C to stop.\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  backend.close();
  return 0;
}

async function importFiles(projectPath: string, files: string[], takeOver: boolean): Promise<number> {
  if (!fs.existsSync(projectPath)) {
    Project.create(projectPath).close();
    process.stderr.write(`Created project ${projectPath}\n`);
  }
  const backend = openBackend(projectPath, false, 'respect', takeOver);
  try {
    // Each file is read as a regular file only (never a device, a pipe or a link out of its
    // folder); one that is refused is reported like a file the importer refuses, and the rest land.
    const payload: { name: string; dataBase64: string }[] = [];
    const refused: { name: string; message: string }[] = [];
    for (const f of files) {
      const file = path.resolve(f);
      try {
        payload.push({ name: path.basename(file), dataBase64: readRegularFile(file, { maxBytes: IMPORT_LIMITS.maxFileBytes, what: 'documents' }).toString('base64') });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        refused.push({ name: printable(f), message: err.message });
      }
    }
    const result = payload.length > 0 ? await backend.call('documents.import', { files: payload }) : { imported: [], duplicates: [], failed: [] };
    for (const d of result.imported) process.stdout.write(`imported  ${d.title} (${d.length} chars)\n`);
    for (const d of result.duplicates) process.stdout.write(`duplicate ${d.name} (already in the project as “${d.title}”)\n`);
    // Both the importer's refusals and the reader's name the file themselves.
    for (const f of [...refused, ...result.failed]) process.stderr.write(`failed    ${f.message}
`);
    return result.failed.length + refused.length > 0 ? 1 : 0;
  } finally {
    backend.close();
  }
}

async function list(what: 'documents' | 'annotations' | 'tags' | 'links' | 'memos', projectPath: string, json: boolean, tree = false): Promise<number> {
  const backend = openBackend(projectPath, false, 'ignore');
  try {
    const tags = await backend.call('tags.list', {});
    let out: string;
    if (what === 'tags') out = tree ? formatTagTree(tags, json) : formatTags(tags, json);
    else if (what === 'memos') out = formatMemos(await backend.call('memos.list', {}), json);
    else if (what === 'documents') out = formatDocuments(await backend.call('documents.list', {}), json);
    else if (what === 'links') {
      const links = await backend.call('links.list', {});
      out = formatLinks(links, await backend.call('annotations.list', {}), await backend.call('relations.list', {}), json);
    } else out = formatAnnotations(await backend.call('annotations.list', {}), tags, json);
    process.stdout.write(out);
    return 0;
  } finally {
    backend.close();
  }
}

/** The most hits one `search.query` call returns; the CLI asks page after page until it has them all. */
const CLI_SEARCH_PAGE = 5000;

async function search(projectPath: string, query: string, json: boolean): Promise<number> {
  if (query.trim().length === 0) throw new UsageError('search needs a QUERY.');
  if (query.trim().length > 500) throw new UsageError('the query is longer than 500 characters.');
  const backend = openBackend(projectPath, false, 'ignore');
  try {
    const result = await backend.call('search.query', { q: query, limit: CLI_SEARCH_PAGE });
    while (result.hits.length < result.total) {
      const next = await backend.call('search.query', { q: query, limit: CLI_SEARCH_PAGE, offset: result.hits.length });
      if (next.hits.length === 0) break;
      result.hits.push(...next.hits);
    }
    const records = await backend.call('search.records', { q: query, limit: CLI_SEARCH_PAGE });
    process.stdout.write(formatSearch({ ...result, records: records.hits }, await backend.call('documents.list', {}), json));
    return 0;
  } finally {
    backend.close();
  }
}
