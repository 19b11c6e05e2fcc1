/**
 * The one API contract between the UI and the backend. Every call is declared here once — name,
 * input schema, output schema — and everything else is derived from this table: the Electron IPC
 * handlers, the browser-mode HTTP routes, the renderer's typed client and the tests' direct calls.
 *
 * Offsets (`start`, `end`) are UTF-16 code units into a document's stored text, as JavaScript
 * strings count them, everywhere in Crossread.
 */
import { z } from 'zod';
import { DossierLanguage, DossierOptions, DossierOrder, ExportFormat } from './dossier';
import { AnchorHealth, MergeConflict, Orphan, ShareFile, SharePreview } from './share';

export const ERROR_CODES = [
  'bad-input',
  'not-found',
  'no-project',
  'read-only',
  'import-failed',
  'project-invalid',
  'schema-newer',
  'conflict',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
}

const Id = z.uuid();
/** A real calendar day as YYYY-MM-DD (2025-02-30 is refused, not rolled over). */
const IsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) && s >= '0001-01-01';
  }, 'not a real calendar date');
const IsoTime = z.string();
const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour as #rrggbb');
const ShortText = (max: number) => z.string().max(max);
const TagName = z.string().trim().min(1, 'a tag needs a name').max(80);
const Empty = z.object({}).strict();
const FilePath = z.string().min(1).max(4096);

export const Language = z.enum(['en', 'ru']);
export type UiLanguage = z.infer<typeof Language>;

export const DocumentMeta = z.object({
  id: Id,
  title: z.string(),
  outlet: z.string(),
  author: z.string(),
  date: IsoDay.nullable(),
  language: z.string(),
  sourceName: z.string(),
  format: z.enum(['txt', 'md', 'html', 'docx']),
  hash: z.string(),
  length: z.number().int().nonnegative(),
  createdAt: IsoTime,
  modifiedAt: IsoTime,
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

export const DocumentWithText = DocumentMeta.extend({ text: z.string() });
export type DocumentWithText = z.infer<typeof DocumentWithText>;

export const DocumentPatch = z
  .object({
    title: ShortText(500).trim().min(1, 'a document needs a title'),
    outlet: ShortText(200),
    author: ShortText(200),
    date: IsoDay.nullable(),
    language: ShortText(35),
  })
  .partial()
  .strict();
export type DocumentPatch = z.infer<typeof DocumentPatch>;

export const Tag = z.object({
  id: Id,
  name: z.string(),
  color: Color,
  position: z.number().int(),
  createdAt: IsoTime,
  modifiedAt: IsoTime,
});
export type Tag = z.infer<typeof Tag>;

export const Annotation = z.object({
  id: Id,
  documentId: Id,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  tagIds: z.array(Id),
  /** Plain text of the claim's note ('' when none); the rich note itself comes from notes.get. */
  noteText: z.string(),
  author: z.string(),
  createdAt: IsoTime,
  modifiedAt: IsoTime,
});
export type Annotation = z.infer<typeof Annotation>;

export const RelationType = z.object({
  id: Id,
  /** Label read from the link's source: "supports". */
  name: z.string(),
  /** Label read from the target: "is supported by" (equal to name when symmetric). */
  inverseName: z.string(),
  symmetric: z.boolean(),
  /** 'supports' | 'contradicts' | 'elaborates' | 'same-claim' for the built-in ones, null for the user's own. */
  builtin: z.string().nullable(),
  position: z.number().int(),
  createdAt: IsoTime,
  modifiedAt: IsoTime,
});
export type RelationType = z.infer<typeof RelationType>;

export const Link = z.object({
  id: Id,
  fromId: Id,
  toId: Id,
  relationId: Id,
  noteText: z.string(),
  author: z.string(),
  createdAt: IsoTime,
  modifiedAt: IsoTime,
});
export type Link = z.infer<typeof Link>;

export const NoteOwner = z.object({ kind: z.enum(['annotation', 'link']), id: Id }).strict();
export type NoteOwner = z.infer<typeof NoteOwner>;

/** A serialized Lexical editor state; the core checks size and shape and derives the plain text. */
const NoteJson = z.string().max(512 * 1024, 'the note is larger than 512 KB');

export const SearchHit = z.object({
  kind: z.enum(['document', 'note']),
  documentId: Id,
  /** For note hits: the claim whose note matched (for a link's note, the link's source claim). */
  annotationId: Id.nullable(),
  /** For hits in a link's note: the link. */
  linkId: Id.nullable(),
  /** Offsets of the matched word in the document text (document hits) or in the note's text (note hits). */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** 1-based paragraph number in the document, for citations ("¶12"). */
  paragraph: z.number().int().positive(),
  before: z.string(),
  match: z.string(),
  after: z.string(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const HistoryState = z.object({
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  undoLabel: z.string().nullable(),
  redoLabel: z.string().nullable(),
});
export type HistoryState = z.infer<typeof HistoryState>;

export const PaneLayout = z.object({
  documentId: Id,
  /** Relative width: panes share the row in proportion to their sizes. */
  size: z.number().positive().max(100),
  /** Reading position, as a fraction of the pane's scrollable height. */
  scroll: z.number().min(0).max(1).default(0),
}).strict();
export type PaneLayout = z.infer<typeof PaneLayout>;

export const Layout = z.object({
  panes: z.array(PaneLayout).max(12),
  sidebar: z.boolean().default(true),
});
export type Layout = z.infer<typeof Layout>;

export const ProjectInfo = z.object({
  path: z.string(),
  name: z.string(),
  readOnly: z.boolean(),
  schemaVersion: z.number().int(),
});
export type ProjectInfo = z.infer<typeof ProjectInfo>;

export const RecentProject = z.object({ path: z.string(), name: z.string(), exists: z.boolean() });
export type RecentProject = z.infer<typeof RecentProject>;

export const Settings = z.object({
  language: Language,
  author: z.string().trim().min(1).max(120),
});
export type Settings = z.infer<typeof Settings>;

/** Files travel as base64 so the same JSON crosses IPC, HTTP and direct calls. */
export const ImportFile = z
  .object({
    name: z.string().min(1).max(255),
    dataBase64: z.string().max(28 * 1024 * 1024, 'file is larger than the 20 MB import limit'),
  })
  .strict();

export const ImportResult = z.object({
  imported: z.array(DocumentMeta),
  duplicates: z.array(z.object({ name: z.string(), existingId: Id, title: z.string() })),
  failed: z.array(z.object({ name: z.string(), message: z.string() })),
});
export type ImportResult = z.infer<typeof ImportResult>;

// ── desktop (issue 7): backups ──
export const BACKUP_REASONS = ['migration', 'scheduled', 'manual', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];
const BackupId = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z--[a-z-]+$/, 'not a backup id');
export const BackupInfo = z.object({
  /** The backup's name, e.g. 2026-11-21T18-31-00-123Z--scheduled. */
  id: z.string(),
  createdAt: IsoTime,
  reason: z.enum(BACKUP_REASONS),
  size: z.number().int().nonnegative(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;
/** A file chosen in the native import dialog, read by the shell: `dataBase64` is empty when it is over the import limit. */
/** What the desktop's native import reports: the import's own result, and the files it did not read for their size. */
export const ChosenImportResult = ImportResult.extend({
  tooLarge: z.array(z.object({ name: z.string(), size: z.number().int().nonnegative() })),
});
/** Sent by the desktop shell before each file of a native import ("import-progress" events). */
export interface ImportProgress {
  done: number;
  total: number;
  name: string;
}
/** What the About dialog shows: versions of the parts, and where the app keeps its files. */
export const AppInfo = z.object({
  version: z.string(),
  defaultProjectDir: z.string(),
  versions: z.object({ electron: z.string().nullable(), chrome: z.string().nullable(), node: z.string(), sqlite: z.string() }),
  /** The app folder (settings, backups, logs) and the current log file (null: stderr only). */
  dataDir: z.string(),
  logFile: z.string().nullable(),
});
export type AppInfo = z.infer<typeof AppInfo>;
// --- Dossier export (issue 4) ---
/** The dossier summary as stored in project_meta `dossier.summary` (the share helper reads the same shape). */
export const DossierSummary = z.object({ json: z.string(), text: z.string(), author: z.string(), modifiedAt: IsoTime });
export type DossierSummary = z.infer<typeof DossierSummary>;
/** The title, analyst and choices of the last export, offered again in the export dialog. */
export const DossierSettings = z.object({
  title: z.string(),
  analyst: z.string(),
  notes: z.boolean(),
  untagged: z.boolean(),
  order: DossierOrder,
  language: DossierLanguage,
  bom: z.boolean(),
  format: ExportFormat,
});
export type DossierSettings = z.infer<typeof DossierSettings>;
const ExportRequest = { format: ExportFormat, options: DossierOptions };
// --- end dossier export ---


const entry = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const api = {
  'app.info': entry(Empty, AppInfo),
  'settings.get': entry(Empty, Settings),
  'settings.update': entry(Settings.partial().strict(), Settings),

  'project.current': entry(Empty, ProjectInfo.nullable()),
  'project.recent': entry(Empty, z.array(RecentProject)),
  'project.open': entry(z.object({ path: FilePath }).strict(), ProjectInfo),
  'project.create': entry(z.object({ path: FilePath }).strict(), ProjectInfo),
  'project.openSample': entry(Empty, ProjectInfo),
  'project.close': entry(Empty, z.null()),

  'documents.list': entry(Empty, z.array(DocumentMeta)),
  'documents.get': entry(z.object({ id: Id }).strict(), DocumentWithText),
  'documents.import': entry(z.object({ files: z.array(ImportFile).min(1).max(50) }).strict(), ImportResult),
  'documents.update': entry(z.object({ id: Id, patch: DocumentPatch }).strict(), DocumentMeta),
  'documents.delete': entry(z.object({ id: Id }).strict(), z.null()),

  'tags.list': entry(Empty, z.array(Tag)),
  'tags.create': entry(z.object({ name: TagName, color: Color.optional() }).strict(), Tag),
  'tags.update': entry(z.object({ id: Id, name: TagName.optional(), color: Color.optional() }).strict(), Tag),
  'tags.delete': entry(z.object({ id: Id }).strict(), z.null()),

  'annotations.list': entry(z.object({ documentId: Id.optional() }).strict(), z.array(Annotation)),
  'annotations.create': entry(
    z
      .object({
        documentId: Id,
        start: z.number().int().nonnegative(),
        end: z.number().int().nonnegative(),
        tagIds: z.array(Id).max(50).default([]),
      })
      .strict()
      .refine((v) => v.end > v.start, { message: 'a claim needs at least one selected character' }),
    Annotation,
  ),
  'annotations.update': entry(z.object({ id: Id, tagIds: z.array(Id).max(50) }).strict(), Annotation),
  'annotations.delete': entry(z.object({ id: Id }).strict(), z.null()),

  'relations.list': entry(Empty, z.array(RelationType)),
  'relations.create': entry(
    z.object({ name: TagName, inverseName: TagName.optional(), symmetric: z.boolean().default(false) }).strict(),
    RelationType,
  ),
  'relations.update': entry(
    z.object({ id: Id, name: TagName.optional(), inverseName: TagName.optional(), symmetric: z.boolean().optional() }).strict(),
    RelationType,
  ),
  'relations.delete': entry(z.object({ id: Id }).strict(), z.null()),

  'links.list': entry(z.object({ annotationId: Id.optional() }).strict(), z.array(Link)),
  'links.create': entry(
    z
      .object({ fromId: Id, toId: Id, relationId: Id })
      .strict()
      .refine((v) => v.fromId !== v.toId, { message: 'a claim cannot be linked to itself' }),
    Link,
  ),
  'links.update': entry(z.object({ id: Id, relationId: Id }).strict(), Link),
  'links.delete': entry(z.object({ id: Id }).strict(), z.null()),

  /** Notes autosave as the user types; they are not undo steps. */
  'notes.get': entry(NoteOwner, z.object({ json: z.string().nullable(), text: z.string() })),
  'notes.save': entry(z.object({ owner: NoteOwner, json: NoteJson }).strict(), z.object({ text: z.string() })),

  /**
   * A page of hits in reading order: `limit` of them after the first `offset`. `total` counts every
   * hit (documents and notes); `documentTotal` the ones in the documents' text, which auto-coding tags.
   */
  'search.query': entry(
    z
      .object({
        q: z.string().trim().min(1).max(500),
        limit: z.number().int().min(1).max(5000).default(200),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    z.object({ hits: z.array(SearchHit), total: z.number().int(), documentTotal: z.number().int() }),
  ),
  /** Tags every document hit of a search as a new claim (one undo step); existing identical claims get the tag added. */
  'search.autocode': entry(
    z.object({ q: z.string().trim().min(1).max(500), tagId: Id }).strict(),
    z.object({ created: z.number().int(), tagged: z.number().int() }),
  ),

  'matrix.get': entry(
    Empty,
    z.object({
      cells: z.array(z.object({ tagId: Id.nullable(), documentId: Id, count: z.number().int() })),
    }),
  ),

  'history.state': entry(Empty, HistoryState),
  'history.undo': entry(Empty, HistoryState),
  'history.redo': entry(Empty, HistoryState),

  'layout.get': entry(Empty, Layout),
  'layout.set': entry(Layout.strict(), Layout),

  // ── desktop (issue 7): backups of the open project, kept in the app folder ──
  'backups.list': entry(Empty, z.array(BackupInfo)),
  /** Back up now. */
  'backups.create': entry(Empty, BackupInfo),
  /** Replaces the project with backup `id`, after backing up its current state; reopens it. */
  'backups.restore': entry(z.object({ id: BackupId }).strict(), ProjectInfo),
  // --- Dossier export (issue 4) ---
  'dossier.summary.get': entry(Empty, DossierSummary.nullable()),
  'dossier.summary.save': entry(z.object({ json: NoteJson }).strict(), DossierSummary),
  'dossier.settings.get': entry(Empty, DossierSettings),
  /** Counts for the export dialog, for the options as they stand. */
  'export.preview': entry(
    z.object({ options: DossierOptions }).strict(),
    z.object({ sources: z.number().int(), claims: z.number().int(), links: z.number().int(), groups: z.number().int(), notes: z.number().int() }),
  ),
  /** The file itself (base64), for browser mode to offer as a download. */
  'export.build': entry(z.object(ExportRequest).strict(), z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() })),
  /** Writes the file to a path the user chose in the native save dialog (desktop). */
  'export.write': entry(z.object({ ...ExportRequest, path: FilePath }).strict(), z.object({ path: z.string(), bytes: z.number().int() })),

  // ---- Sharing annotation files (issue 5) ----
  /** The project's annotation file (W3C Web Annotation JSON-LD) as text, and a suggested file name. */
  'share.export': entry(z.object({ embedText: z.boolean().default(false) }).strict(), z.object({ fileName: z.string(), content: z.string() })),
  /** Desktop: writes the annotation file to a path the native Save dialog returned. */
  'share.exportTo': entry(z.object({ path: FilePath, embedText: z.boolean().default(false) }).strict(), z.object({ path: z.string() })),
  /** Reads a colleague's (or another tool's) file; with dryRun only the preview, else the merge in one transaction. */
  'share.import': entry(
    z.object({ file: ShareFile.optional(), path: FilePath.optional(), dryRun: z.boolean().default(true) }).strict()
      .refine((v) => (v.file === undefined) !== (v.path === undefined), { message: 'give either a file or a path' }),
    SharePreview,
  ),
  'share.anchors': entry(Empty, z.array(AnchorHealth)),
  'share.orphans': entry(Empty, z.array(Orphan)),
  /** Re-attaches an orphan to text the user selected: the claim comes back with the orphan's id, tags, note and author. */
  'share.reattach': entry(
    z.object({ id: Id, documentId: Id, start: z.number().int().nonnegative(), end: z.number().int().positive() }).strict()
      .refine((v) => v.end > v.start, { message: 'select some text first' }),
    Annotation,
  ),
  'share.deleteOrphan': entry(z.object({ id: Id }).strict(), z.null()),
  'share.conflicts': entry(Empty, z.array(MergeConflict)),
  /** keep: the current version stays; swap: the losing version replaces it. Either way the conflict is resolved. */
  'share.resolveConflict': entry(z.object({ id: z.number().int(), choice: z.enum(['keep', 'swap']) }).strict(), z.null()),
  // ---- end of sharing ----
} as const;

export type Api = typeof api;
export type ApiName = keyof Api;
export type ApiInput<N extends ApiName> = z.input<Api[N]['input']>;
export type ApiParsedInput<N extends ApiName> = z.output<Api[N]['input']>;
export type ApiOutput<N extends ApiName> = z.output<Api[N]['output']>;
export const API_NAMES = Object.keys(api) as ApiName[];

export function isApiName(name: unknown): name is ApiName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}

/** What every transport sends back: a value or an error the UI can show. */
export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/**
 * Calls only a desktop shell can serve (native dialogs). Browser mode answers them with
 * `unavailable`, and the renderer falls back to in-page equivalents.
 */
export const shellApi = {
  'dialog.openProject': entry(Empty, z.object({ path: z.string() }).nullable()),
  'dialog.createProject': entry(Empty, z.object({ path: z.string() }).nullable()),
  /** Native Open dialog for documents; the shell reads and imports the chosen files itself (their bytes never reach the page). */
  'dialog.importDocuments': entry(Empty, ChosenImportResult.nullable()),
  /** Save dialog for an exported dossier; the suggested name is only a suggestion the user can change. */
  'dialog.saveFile': entry(
    z.object({ defaultName: z.string().min(1).max(255), format: ExportFormat }).strict(),
    z.object({ path: z.string() }).nullable(),
  ),
  'dialog.exportAnnotations': entry(Empty, z.object({ path: z.string() }).nullable()),
  'dialog.importAnnotations': entry(Empty, z.object({ path: z.string() }).nullable()),
} as const;
export type ShellApi = typeof shellApi;
export type ShellName = keyof ShellApi;
export const SHELL_NAMES = Object.keys(shellApi) as ShellName[];

/** Menu commands the shell sends to the renderer; defined once in shared/commands.ts. */
export type { CommandId as ShellCommand } from './commands';
