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
import { HistoryStep } from './history';
import { hasHiddenOrBroken } from './names';
import { AnchorHealth, MergeConflict, Orphan, ShareFile, ShareJob, SharePreview } from './share';
import { RefiPreview } from './refi';
import { Attribute, AttributeName, AttributeType, AttributeValue, Choices, ValueOwnerKind } from './attributes';
import { AgreementFileFormat, AgreementQuery, AgreementReport } from './agreement-schema';
import { RecordHit } from './search-records';
import { GraphArrangement, GraphPlaceInput, GraphPosition } from './graph';
import { AddedRows, Analysis, Hypothesis, HypothesisHit, HypothesisInputs as HI, Matrix as HypothesisMatrix } from './hypotheses';
import { ClusterHit, ClusterInfo, ClusterTitleInput } from './cluster-api';
import { TeamConnectInput, TeamPresenceInput, TeamStatus } from './team';
import { FigureKind, MAX_FIGURE_BASE64 } from './figure-file';

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
  /** The project is held by another Crossread; the message says which, and the user may take it over. */
  'locked',
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
const NAME_RULE = 'contains a control character, a text-direction mark or a broken character';
/** Text shown as a single line: a name, title or author. */
const ShortText = (max: number) => z.string().max(max, `longer than ${max} characters`).refine((s) => !hasHiddenOrBroken(s), NAME_RULE);
/** The name of a tag or a link type (one definition for the API and for annotation files). */
export const TagName = ShortText(80).trim().min(1, 'a tag needs a name');
const Empty = z.object({}).strict();
/**
 * A path on disk, always absolute: a relative one would resolve against whatever folder the
 * backend happens to run in. Only the desktop shell (from its native dialogs) and the CLI (from
 * the user's own arguments) send these; see PATH_INPUTS.
 */
const FilePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'a path cannot contain a NUL character')
  .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), 'expected a full path, not one relative to a working folder');

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
  format: z.enum(['txt', 'md', 'html', 'docx', 'pdf']),
  hash: z.string(),
  length: z.number().int().nonnegative(),
  createdAt: IsoTime,
  modifiedAt: IsoTime,
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

export const DocumentWithText = DocumentMeta.extend({
  text: z.string(),
  /** A paged source's page map (see shared/pages.ts): where each page's text starts; [] when unpaged. */
  pageStarts: z.array(z.number().int().nonnegative()),
});
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
  /** Order among the tag's siblings. */
  position: z.number().int(),
  /** The parent tag (null: top level). */
  parentId: Id.nullable(),
  /** The codebook entry: what the code means, when to use it, when not, an example. */
  definition: z.string(),
  useWhen: z.string(),
  avoidWhen: z.string(),
  example: z.string(),
  /** Live claims coded with this tag itself (a parent's count leaves its children's out). */
  claims: z.number().int().nonnegative(),
  createdAt: IsoTime,
  modifiedAt: IsoTime,
  /** Starred by this analyst: the claim popover's number keys go to the favourites when there are any. */
  favourite: z.boolean(),
});
export type Tag = z.infer<typeof Tag>;

const CodebookText = z.string().max(4000, 'a codebook entry is at most 4,000 characters');
export const TagDescriptionPatch = z
  .object({ definition: CodebookText, useWhen: CodebookText, avoidWhen: CodebookText, example: CodebookText })
  .partial();
export type TagDescriptionPatch = z.infer<typeof TagDescriptionPatch>;
export const CodebookFormat = z.enum(['html', 'docx', 'md', 'csv', 'qdc']);
export type CodebookFormat = z.infer<typeof CodebookFormat>;

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

/** How much text auto-coding makes a claim of around each hit. */
export const AutocodeScope = z.enum(['word', 'sentence', 'paragraph']);
export type AutocodeScope = z.infer<typeof AutocodeScope>;

/**
 * Whose memo: the project's (one per project), a document's or a tag's. Memos are notes kept on
 * these owners, with the same rich text, autosave and undo of a clearing save.
 */
export const MemoOwner = z.union([
  z.object({ kind: z.literal('project') }).strict(),
  z.object({ kind: z.enum(['document', 'tag']), id: Id }).strict(),
]);
export type MemoOwner = z.infer<typeof MemoOwner>;

export const Memo = z.object({
  owner: MemoOwner,
  /** A serialized Lexical editor state; null when the memo was never written. */
  json: z.string().nullable(),
  text: z.string(),
  author: z.string(),
  createdAt: IsoTime.nullable(),
  modifiedAt: IsoTime.nullable(),
});
export type Memo = z.infer<typeof Memo>;

/** A written memo as the Memos list shows it: its owner's name and the start of its text. */
export const MemoSummary = z.object({
  owner: MemoOwner,
  /** The document's title or the tag's name ('' for the project memo). */
  ownerName: z.string(),
  text: z.string(),
  author: z.string(),
  modifiedAt: IsoTime,
});
export type MemoSummary = z.infer<typeof MemoSummary>;

/** A word found in a memo: whose memo, and where in its plain text. */
export const MemoHit = z.object({
  owner: MemoOwner,
  ownerName: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  before: z.string(),
  match: z.string(),
  after: z.string(),
});
export type MemoHit = z.infer<typeof MemoHit>;

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
  /** English names of the steps, for the CLI and logs; the UI words `undo`/`redo` itself. */
  undoLabel: z.string().nullable(),
  redoLabel: z.string().nullable(),
  /** The step Undo would reverse now, and the one Redo would. */
  undo: HistoryStep.nullable(),
  redo: HistoryStep.nullable(),
});
export type HistoryState = z.infer<typeof HistoryState>;
/** An undo or redo: the history after it, and the step it reversed. */
export const HistoryTravel = HistoryState.extend({ step: HistoryStep });
export type HistoryTravel = z.infer<typeof HistoryTravel>;
/** What a deletion that is an undo step answers: the step, for an Undo button bound to it. */
export const UndoStepRef = z.object({ step: HistoryStep.nullable() });
export type UndoStepRef = z.infer<typeof UndoStepRef>;
/** Undo/redo may name the step the user meant; the call is refused when the history has moved on. */
const TravelInput = z.object({ expectedStep: z.number().int().positive().optional() }).strict();


export const PaneLayout = z.object({
  documentId: Id,
  /**
   * The pane's share of the reading row (0–1; the shares of a layout add up to 1). A proportion,
   * not pixels, so a layout saved on a wide screen opens in proportion on a laptop.
   * Layouts saved before carried `size` instead: shared/layout.ts restores them.
   */
  share: z.number().positive().max(1),
  /** Reading position, as a fraction of the pane's scrollable height. */
  scroll: z.number().min(0).max(1).default(0),
}).strict();
export type PaneLayout = z.infer<typeof PaneLayout>;

/**
 * The analysis views that open as a pane of their own at the end of the reading row, beside the
 * text: one at a time, each a tab of that pane.
 */
export const ViewKind = z.enum(['graph', 'timeline', 'hypotheses', 'agreement']);
export type ViewKind = z.infer<typeof ViewKind>;
export const ViewLayout = z.object({
  kind: ViewKind,
  /** The view pane's share of the row; the document panes share the rest. */
  share: z.number().min(0.1).max(0.9),
}).strict();
export type ViewLayout = z.infer<typeof ViewLayout>;

export const Layout = z.object({
  panes: z.array(PaneLayout).max(12),
  /** The analysis view open beside the panes, if any. */
  view: ViewLayout.nullable().default(null),
  /** Whether the sidebar (documents, claims, search) is shown. */
  sidebar: z.boolean().default(true),
  /** Whether the claim inspector is shown. */
  inspector: z.boolean().default(true),
  /** Whether links between side-by-side panes are drawn as connectors. */
  connectors: z.boolean().default(true),
  /** Whether scrolling one pane keeps the linked claims of the other panes aligned with it. */
  followLinks: z.boolean().default(false),
});
export type Layout = z.infer<typeof Layout>;

export const ProjectInfo = z.object({
  path: z.string(),
  name: z.string(),
  readOnly: z.boolean(),
  schemaVersion: z.number().int(),
});
export type ProjectInfo = z.infer<typeof ProjectInfo>;

/** `id`: a handle for project.openEntry, so a page that must not name paths can still reopen it. */
export const RecentProject = z.object({ path: z.string(), name: z.string(), exists: z.boolean(), id: Id });
export type RecentProject = z.infer<typeof RecentProject>;

/** The name an analyst signs their work with. */
export const AuthorName = ShortText(120).trim().min(1, 'an author needs a name');

export const Settings = z.object({
  language: Language,
  author: AuthorName,
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

/** Paste as new document: the clipboard's plain text and, when it held some, its HTML, with the details the user gave. */
export const PasteDocument = z
  .object({
    text: z.string().max(5_000_000, 'the pasted text is longer than the 5,000,000-character import limit'),
    html: z.string().max(20 * 1024 * 1024, 'the pasted HTML is larger than the 20 MB import limit').default(''),
    title: z.string().trim().min(1, 'a document needs a title').max(500),
    outlet: z.string().trim().max(200).default(''),
    date: IsoDay.nullable().default(null),
  })
  .strict();
export type PasteDocument = z.infer<typeof PasteDocument>;

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
  /** Each tag's codebook definition under its findings heading. */
  descriptions: z.boolean(),
  order: DossierOrder,
  language: DossierLanguage,
  bom: z.boolean(),
  format: ExportFormat,
});
export type DossierSettings = z.infer<typeof DossierSettings>;
const ExportRequest = { format: ExportFormat, options: DossierOptions };
// --- end dossier export ---

// ---- Projects without paths (browser mode's file browser) ----
/** A project file's name typed by the user: one name, no folder, no characters a file system or a terminal would misread. */
export const ProjectFileName = z
  .string()
  .trim()
  .min(1, 'a project needs a name')
  .max(200, 'the name is longer than 200 characters')
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  .refine((n) => !/[/\\:*?"<>|\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(n), 'a name cannot contain / \\ : * ? " < > | or control characters')
  .refine((n) => !/^\.+$/.test(n) && !n.startsWith('.'), 'a name cannot start with a dot');
export const FolderEntry = z.object({ id: Id, name: z.string(), kind: z.enum(['folder', 'project']) });
export type FolderEntry = z.infer<typeof FolderEntry>;
export const FolderListing = z.object({
  folder: Id,
  /** Shown to the user so they know where they are; never sent back. */
  path: z.string(),
  parent: Id.nullable(),
  entries: z.array(FolderEntry),
  /** Entries left out because the folder has more than the listing shows. */
  truncated: z.number().int().nonnegative(),
});
export type FolderListing = z.infer<typeof FolderListing>;
// ---- end projects without paths ----


const entry = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

/** An annotation file to import: uploaded bytes, or a path the desktop's native dialog returned. */
const ShareImportRequest = z
  .object({ file: ShareFile.optional(), path: FilePath.optional(), dryRun: z.boolean().default(true) })
  .strict()
  .refine((v) => (v.file === undefined) !== (v.path === undefined), { message: 'give either a file or a path' });

export const api = {
  'app.info': entry(Empty, AppInfo),
  'settings.get': entry(Empty, Settings),
  'settings.update': entry(Settings.partial().strict(), Settings),

  'project.current': entry(Empty, ProjectInfo.nullable()),
  'project.recent': entry(Empty, z.array(RecentProject)),
  /** `takeOver`: open it even though another Crossread holds it (the user was warned). */
  'project.open': entry(z.object({ path: FilePath, takeOver: z.boolean().default(false) }).strict(), ProjectInfo),
  'project.create': entry(z.object({ path: FilePath }).strict(), ProjectInfo),
  'project.openSample': entry(Empty, ProjectInfo),
  'project.close': entry(Empty, z.null()),

  'documents.list': entry(Empty, z.array(DocumentMeta)),
  'documents.get': entry(z.object({ id: Id }).strict(), DocumentWithText),
  'documents.import': entry(z.object({ files: z.array(ImportFile).min(1).max(50) }).strict(), ImportResult),
  'documents.update': entry(z.object({ id: Id, patch: DocumentPatch }).strict(), DocumentMeta),
  'documents.paste': entry(PasteDocument, DocumentMeta),
  'documents.delete': entry(z.object({ id: Id }).strict(), UndoStepRef),

  'tags.list': entry(Empty, z.array(Tag)),
  'tags.create': entry(z.object({ name: TagName, color: Color.optional() }).strict(), Tag),
  'tags.update': entry(z.object({ id: Id, name: TagName.optional(), color: Color.optional() }).strict(), Tag),
  'tags.delete': entry(z.object({ id: Id }).strict(), UndoStepRef),
  /** Nests a tag under `parentId` (null: top level) at `index` among its new siblings (default: last). */
  'tags.move': entry(
    z.object({ id: Id, parentId: Id.nullable(), index: z.number().int().nonnegative().max(100_000).optional() }).strict(),
    z.array(Tag),
  ),
  /** Writes a tag's codebook entry (the fields given). */
  'tags.describe': entry(TagDescriptionPatch.extend({ id: Id }).strict(), Tag),
  /** Merges `sourceId` into `targetId`: its claims take the target (none twice), its children move, it becomes a tombstone. */
  'tags.merge': entry(z.object({ sourceId: Id, targetId: Id }).strict(), z.object({ moved: z.number().int(), step: HistoryStep.nullable() })),
  /** The codebook (the code system with each code's entry) as a file to download. */
  'codebook.build': entry(
    z.object({ format: CodebookFormat, language: DossierLanguage.default('en') }).strict(),
    z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() }),
  ),
  /** The codebook written to a path the desktop's save dialog returned. */
  'codebook.write': entry(
    z.object({ format: CodebookFormat, language: DossierLanguage.default('en'), path: FilePath }).strict(),
    z.object({ path: z.string(), bytes: z.number().int() }),
  ),
  /** Moves every claim of `sourceId` to `targetId`; the source tag stays. */
  'tags.moveClaims': entry(z.object({ sourceId: Id, targetId: Id }).strict(), z.object({ moved: z.number().int(), step: HistoryStep.nullable() })),

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
  'annotations.delete': entry(z.object({ id: Id }).strict(), UndoStepRef),

  'relations.list': entry(Empty, z.array(RelationType)),
  'relations.create': entry(
    z.object({ name: TagName, inverseName: TagName.optional(), symmetric: z.boolean().default(false) }).strict(),
    RelationType,
  ),
  'relations.update': entry(
    z.object({ id: Id, name: TagName.optional(), inverseName: TagName.optional(), symmetric: z.boolean().optional() }).strict(),
    RelationType,
  ),
  'relations.delete': entry(z.object({ id: Id }).strict(), UndoStepRef),

  'links.list': entry(z.object({ annotationId: Id.optional() }).strict(), z.array(Link)),
  'links.create': entry(
    z
      .object({ fromId: Id, toId: Id, relationId: Id })
      .strict()
      .refine((v) => v.fromId !== v.toId, { message: 'a claim cannot be linked to itself' }),
    Link,
  ),
  'links.update': entry(z.object({ id: Id, relationId: Id }).strict(), Link),
  'links.delete': entry(z.object({ id: Id }).strict(), UndoStepRef),

  /** Notes autosave as the user types and are not undo steps, except a save that clears a note. */
  'notes.get': entry(NoteOwner, z.object({ json: z.string().nullable(), text: z.string() })),
  // `base`: the state the editor started from (loaded or last saved), so a live team's shared text keeps colleagues' typing.
  'notes.save': entry(z.object({ owner: NoteOwner, json: NoteJson, base: NoteJson.optional() }).strict(), z.object({ text: z.string() })),

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
    z.object({
      hits: z.array(SearchHit),
      total: z.number().int(),
      documentTotal: z.number().int(),
      /** Hits in memos, listed apart from the reading order (first page only; `total` does not count them). */
      memos: z.array(MemoHit),
    }),
  ),
  /** Tags every document hit of a search as a new claim (one undo step); existing identical claims get the tag added. */
  /**
   * Codes every document hit with a tag, each hit widened to `scope` (the word itself, its sentence,
   * its paragraph). `covered`: spans left alone because a claim with that tag already holds them.
   */
  'search.autocode': entry(
    z.object({ q: z.string().trim().min(1).max(500), tagId: Id, scope: AutocodeScope.default('word') }).strict(),
    z.object({ created: z.number().int(), tagged: z.number().int(), covered: z.number().int(), step: HistoryStep.nullable() }),
  ),

  /**
   * `byAttribute`: also count claims by that attribute's value on their document (the columns of a
   * tag × attribute matrix); `value` null holds claims whose document has none.
   */
  'matrix.get': entry(
    z.object({ byAttribute: Id.optional() }).strict(),
    z.object({
      cells: z.array(z.object({ tagId: Id.nullable(), documentId: Id, count: z.number().int() })),
      byValue: z.array(z.object({ tagId: Id.nullable(), value: z.string().nullable(), count: z.number().int() })).optional(),
    }),
  ),

  'history.state': entry(Empty, HistoryState),
  'history.undo': entry(TravelInput, HistoryTravel),
  'history.redo': entry(TravelInput, HistoryTravel),
  /** What deleting a tag would leave: claims using it, and those it is the only live tag of. */
  'tags.usage': entry(z.object({ id: Id }).strict(), z.object({ claims: z.number().int(), onlyTag: z.number().int() })),

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
  'dossier.summary.save': entry(z.object({ json: NoteJson, base: NoteJson.optional() }).strict(), DossierSummary),
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
  'share.import': entry(ShareImportRequest, SharePreview),
  /** The same import as a background job: returns at once; progress and the result come from share.importJob. */
  'share.startImport': entry(ShareImportRequest, z.object({ jobId: Id })),
  'share.importJob': entry(z.object({ jobId: Id }).strict(), ShareJob),
  /** Stops a running import job before it writes anything. */
  'share.cancelImport': entry(z.object({ jobId: Id }).strict(), z.null()),
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

  // ---- Projects without paths: the server-side file browser (browser mode) ----
  /** One folder of the backend's machine: sub-folders and project files, each with a handle. No folder: the home folder. */
  'files.browse': entry(
    z.object({
      folder: Id.optional(),
      /** Part of a name: only entries whose name contains it (any case) are listed, so a huge folder's later entries can be reached. */
      find: z.string().max(200, 'the text to find is longer than 200 characters').optional(),
    }).strict(),
    FolderListing,
  ),
  /** Opens a project file by a handle that files.browse or project.recent issued. */
  'project.openEntry': entry(z.object({ id: Id, takeOver: z.boolean().default(false) }).strict(), ProjectInfo),
  /** Creates a project in a folder files.browse issued; `name` is a file name, never a path. */
  'project.createIn': entry(z.object({ folder: Id, name: ProjectFileName }).strict(), ProjectInfo),
  // ---- end of projects without paths ----

  // ---- Source attributes (document variables) and source grading ----
  'attributes.list': entry(Empty, z.array(Attribute)),
  'attributes.create': entry(z.object({ name: AttributeName, type: AttributeType, choices: Choices.default([]) }).strict(), Attribute),
  /** Renames an attribute or replaces its choice list (a choice some document has cannot be dropped). */
  'attributes.update': entry(z.object({ id: Id, name: AttributeName.optional(), choices: Choices.optional() }).strict(), Attribute),
  /** How many values deleting the attribute takes with it. */
  'attributes.usage': entry(z.object({ id: Id }).strict(), z.object({ values: z.number().int() })),
  'attributes.delete': entry(z.object({ id: Id }).strict(), UndoStepRef),
  /** Every live value: on documents, and the source grading some claims override. */
  'attributes.values': entry(Empty, z.array(AttributeValue)),
  /** Sets one value (null or '' clears it); a value of the wrong type or not in the choices is refused and nothing changes. */
  'attributes.setValue': entry(
    z
      .object({
        owner: z.object({ kind: ValueOwnerKind, id: Id }).strict(),
        attributeId: Id,
        value: z.string().max(1000).nullable(),
      })
      .strict(),
    UndoStepRef,
  ),
  // ---- end of source attributes ----
  // ---- Memos: the project's, a document's, a tag's ----
  /** Every written (non-empty) memo: the project's first, then documents' and tags' by name. */
  'memos.list': entry(Empty, z.array(MemoSummary)),
  'memos.get': entry(z.object({ owner: MemoOwner }).strict(), Memo),
  /** Autosaves as the user types; the save that clears a memo is an undo step, as for a note. */
  'memos.save': entry(z.object({ owner: MemoOwner, json: NoteJson, base: NoteJson.optional() }).strict(), Memo),
  // ---- end of memos ----
  // ---- Intercoder agreement ----
  /** Percent agreement, kappa and alpha of the chosen authors on the chosen tags, per tag and per document, with the disagreements. */
  'agreement.get': entry(AgreementQuery, AgreementReport),
  /** The agreement report as a CSV or HTML file to download. */
  'agreement.build': entry(
    AgreementQuery.extend({ format: AgreementFileFormat, language: DossierLanguage.default('en') }).strict(),
    z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() }),
  ),
  /** The agreement report written to a path the desktop's save dialog returned. */
  'agreement.write': entry(
    AgreementQuery.extend({ format: AgreementFileFormat, language: DossierLanguage.default('en'), path: FilePath }).strict(),
    z.object({ path: z.string(), bytes: z.number().int() }),
  ),
  // ---- end of intercoder agreement ----
  // ---- Claims an import set aside for review (anchoring confidence) ----
  /** Places a claim set aside for review where the import's best match was (its candidate). */
  'share.acceptCandidate': entry(z.object({ id: Id }).strict(), Annotation),
  /** Drops a claim's candidate: it stays with the orphans, to re-attach by hand or delete. */
  'share.rejectCandidate': entry(z.object({ id: Id }).strict(), z.null()),
  // ---- end of anchoring review ----
  // ---- Search in attribute values and the codebook ----
  /** Hits in documents' text and choice attribute values, then in tags' codebook entries; at most `limit`. */
  'search.records': entry(
    z.object({ q: z.string().trim().min(1).max(500), limit: z.number().int().min(1).max(5000).default(200) }).strict(),
    z.object({ hits: z.array(RecordHit) }),
  ),
  /** Stars or unstars a tag (one undo step); favourites stay in this project file and are not shared. */
  'tags.favourite': entry(z.object({ id: Id, favourite: z.boolean() }).strict(), z.object({ tag: Tag, step: HistoryStep.nullable() })),
  // ---- end of search in attribute values and the codebook ----
  // ---- REFI-QDA exchange (.qdpx projects) ----
  /** The project as a .qdpx (base64), for browser mode to offer as a download. */
  'refi.export': entry(Empty, z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() })),
  /** Desktop: writes the .qdpx to a path the native Save dialog returned. */
  'refi.exportTo': entry(z.object({ path: FilePath }).strict(), z.object({ path: z.string(), bytes: z.number().int() })),
  /** Reads a .qdpx (uploaded, or a path the native Open dialog returned); with dryRun only the preview, else the merge in one transaction. */
  'refi.import': entry(ShareImportRequest, RefiPreview),
  // ---- end of REFI-QDA exchange ----
  // ---- The claim graph: node positions the analyst dragged (layout, not undo steps) ----
  'graph.positions': entry(z.object({ arrangement: GraphArrangement }).strict(), z.array(GraphPosition)),
  'graph.place': entry(GraphPlaceInput, z.null()),
  'graph.resetLayout': entry(z.object({ arrangement: GraphArrangement }).strict(), z.object({ removed: z.number().int().nonnegative() })),
  // ---- end of the claim graph ----
  // ---- Competing hypotheses (shared/hypotheses.ts): every change is an undo step ----
  'hypotheses.analyses': entry(Empty, z.array(Analysis)),
  'hypotheses.createAnalysis': entry(HI.createAnalysis, Analysis),
  'hypotheses.renameAnalysis': entry(HI.renameAnalysis, Analysis),
  'hypotheses.deleteAnalysis': entry(HI.byId, UndoStepRef),
  /** One analysis as the matrix shows it: columns, rows, every analyst's ratings, suggestions. */
  'hypotheses.matrix': entry(HI.matrix, HypothesisMatrix),
  'hypotheses.create': entry(HI.create, Hypothesis),
  'hypotheses.update': entry(HI.update, Hypothesis),
  'hypotheses.move': entry(HI.move, z.null()),
  'hypotheses.delete': entry(HI.byId, UndoStepRef),
  /** Claims (a claim already covered, alone or in its cluster, is skipped), clusters, assumptions, absent evidence. */
  'hypotheses.addRows': entry(HI.addRows, AddedRows),
  'hypotheses.updateRow': entry(HI.updateRow, z.null()),
  'hypotheses.moveRow': entry(HI.move, z.null()),
  'hypotheses.deleteRow': entry(HI.byId, UndoStepRef),
  /** The caller's own rating of a cell (null clears it); colleagues' ratings are never touched. */
  'hypotheses.rate': entry(HI.rate, z.null()),
  'hypotheses.explain': entry(HI.explain, z.null()),
  'hypotheses.search': entry(HI.search, z.array(HypothesisHit)),
  // ---- end of competing hypotheses ----
  // ---- Claim clusters (same-claim components) and their titles ----
  /** Every cluster: members, sources, title or default, and the claims linked to its members. */
  'clusters.list': entry(Empty, z.array(ClusterInfo)),
  /** Titles a cluster by its key claim; '' goes back to the default. One undo step. */
  'clusters.rename': entry(z.object({ key: Id, title: ClusterTitleInput }).strict(), ClusterInfo),
  /** Clusters whose title matches, found as search finds words. */
  'clusters.search': entry(z.object({ q: z.string().max(1000) }).strict(), z.array(ClusterHit)),
  // ---- end of claim clusters ----
  // ---- Live team work (shared/team.ts): the project syncs through a team server ----
  /** Connects the open project to a team (address + token), or reconnects with the stored ones; waits for the first sync a few seconds. */
  'team.connect': entry(TeamConnectInput, TeamStatus),
  /** Stops syncing; the binding stays, local changes keep being counted until the next Connect. */
  'team.disconnect': entry(Empty, TeamStatus),
  'team.status': entry(Empty, TeamStatus),
  /** This user's selection in a pane, shown to colleagues (null: none). */
  'team.presence': entry(TeamPresenceInput, z.null()),
  // ---- end of live team work ----
  // ---- Figures saved as image files ----
  /** A figure the page drew (SVG text or PNG bytes), written to a path the desktop's save dialog returned. */
  'figure.write': entry(
    z.object({ kind: FigureKind, dataBase64: z.base64().max(MAX_FIGURE_BASE64), path: FilePath }).strict(),
    z.object({ path: z.string(), bytes: z.number().int() }),
  ),
  // ---- end of figures ----
} as const;

/**
 * The calls whose input names a path on disk, and the fields that do. Browser mode refuses any
 * call that sends one of these fields: there the page, not a native dialog or the user's command
 * line, would be choosing the path.
 */
export const PATH_INPUTS: { readonly [N in ApiName]?: readonly string[] } = {
  'project.open': ['path'],
  'project.create': ['path'],
  'export.write': ['path'],
  'codebook.write': ['path'],
  'share.exportTo': ['path'],
  'share.import': ['path'],
  'share.startImport': ['path'],
  'agreement.write': ['path'],
  'refi.exportTo': ['path'],
  'refi.import': ['path'],
  'figure.write': ['path'],
};

/** The path-naming fields present in `input` for call `name` (empty when it names none). */
export function pathFieldsIn(name: string, input: unknown): string[] {
  const fields = isApiName(name) ? PATH_INPUTS[name] : undefined;
  if (!fields || typeof input !== 'object' || input === null) return [];
  return fields.filter((f) => (input as Record<string, unknown>)[f] !== undefined);
}

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
  /** Save dialog for a REFI-QDA project (.qdpx) or codebook (.qdc). */
  'dialog.exportRefi': entry(z.object({ kind: z.enum(['qdpx', 'qdc']), defaultName: z.string().min(1).max(255) }).strict(), z.object({ path: z.string() }).nullable()),
  /** Open dialog for a REFI-QDA project (.qdpx). */
  'dialog.importRefi': entry(Empty, z.object({ path: z.string() }).nullable()),
  /** Save dialog for a figure (the graph, the timeline) as SVG or PNG. */
  'dialog.saveFigure': entry(z.object({ kind: FigureKind, defaultName: z.string().min(1).max(255) }).strict(), z.object({ path: z.string() }).nullable()),
} as const;
export type ShellApi = typeof shellApi;
export type ShellName = keyof ShellApi;
export const SHELL_NAMES = Object.keys(shellApi) as ShellName[];

/** Menu commands the shell sends to the renderer; defined once in shared/commands.ts. */
export type { CommandId as ShellCommand } from './commands';
