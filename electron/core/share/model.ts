import type { SharedClusterTitle } from './clusters';
/**
 * What an annotation file holds once read and checked, whatever tool wrote it: Crossread's own
 * files, other tools' W3C Web Annotation JSON-LD, or Hypothesis exports all become this shape
 * before anything touches the project. Ids are UUIDs; times are ISO 8601 in UTC.
 */
import type { SharedCodeFields } from './codes';
import type { SharedAch } from './hypotheses';

export interface SharedNote {
  /** A Lexical editor state, made by the sanitizing converter from the file's HTML or text. */
  json: string;
  text: string;
  author: string;
  created: string;
  modified: string;
}

export interface SharedTagRef {
  /** The tag's id when the file says it (Crossread files), else null: matched by name. */
  id: string | null;
  name: string;
}

export interface SharedClaim {
  id: string;
  /** Where the item sits in the file, for messages ("items[12]"). */
  path: string;
  /** The target's source as written (urn:crossread:doc:sha256:… or another tool's URL). */
  source: string;
  /** The content hash named by the source, when it is a Crossread document URN. */
  hash: string | null;
  exact: string;
  prefix: string;
  suffix: string;
  start: number | null;
  end: number | null;
  /** What start and end count: UTF-16 code units, code points, or not said (another tool's file: tried both). */
  positions: 'utf16' | 'code-points' | 'unknown';
  tags: SharedTagRef[];
  note: SharedNote | null;
  author: string;
  created: string;
  modified: string;
  deleted: string | null;
}

export interface SharedLink {
  id: string;
  path: string;
  fromId: string;
  toId: string;
  relation: { id: string | null; name: string };
  note: SharedNote | null;
  author: string;
  created: string;
  modified: string;
  deleted: string | null;
}

export interface SharedTag extends SharedCodeFields {
  id: string;
  name: string;
  color: string;
  position: number;
  modified: string;
  deleted: string | null;
}

export interface SharedRelation {
  id: string;
  name: string;
  inverseName: string;
  symmetric: boolean;
  builtin: string | null;
  position: number;
  modified: string;
}

export interface SharedDocument {
  hash: string;
  title: string;
  outlet: string;
  author: string;
  date: string | null;
  language: string;
  sourceName: string;
  format: 'txt' | 'md' | 'html' | 'docx' | 'pdf';
  /** Its text's length in UTF-16 code units, when the file says (older files may not). */
  length: number | null;
  modified: string;
  /** The full text when the file embeds it. */
  text: string | null;
  /** A paged source's page map, sent with its text (unchecked until the text is used; see share/pages.ts). */
  'cr:pages'?: unknown;
}

export interface SharedSummary {
  json: string;
  text: string;
  author: string;
  modifiedAt: string;
}

/** A memo from a file: the project's, a document's (by content hash) or a tag's (by id, else name). */
export interface SharedMemo {
  path: string;
  kind: 'project' | 'document' | 'tag';
  hash: string | null;
  tag: { id: string | null; name: string } | null;
  note: SharedNote;
}

export interface SharedFile {
  kind: 'crossread' | 'w3c' | 'hypothesis';
  claims: SharedClaim[];
  links: SharedLink[];
  tags: SharedTag[];
  relations: SharedRelation[];
  documents: SharedDocument[];
  summary: SharedSummary | null;
  /** Source attributes and their values (Crossread files only; electron/core/attributes/share.ts). */
  attributes?: SharedAttribute[];
  attributeValues?: SharedAttributeValue[];
  /** Cluster titles (Crossread files only; electron/core/share/clusters.ts). */
  clusterTitles?: SharedClusterTitle[];
  memos: SharedMemo[];
  /** Competing-hypotheses records (electron/core/share/hypotheses.ts). */
  ach?: SharedAch[];
  /** Items that are not claims Crossread can anchor (replies, page notes), with why. */
  skipped: { path: string; reason: string }[];
}

export interface SharedAttribute {
  id: string;
  name: string;
  type: 'text' | 'number' | 'date' | 'boolean' | 'choice';
  choices: string[];
  builtin: 'reliability' | 'credibility' | null;
  position: number;
  modified: string;
  deleted: string | null;
}

export interface SharedAttributeValue {
  /** Where it sits in the file, for messages. */
  path: string;
  attributeId: string;
  /** A document by its content hash, or a claim (source grading only) by its id. */
  owner: { kind: 'document'; hash: string } | { kind: 'annotation'; id: string };
  value: string;
  author: string;
  created: string;
  modified: string;
  deleted: string | null;
}

/** The URN of a document in shared files: its content hash (see README, "Annotation files"). */
export const DOC_URN_PREFIX = 'urn:crossread:doc:sha256:';
export const SHARE_NAMESPACE = 'https://crossread.app/ns/share/v1#';
export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/**
 * The version of Crossread's own files (cr:project.version). 2: TextPositionSelectors count Unicode
 * code points (cr:project.positions) and tombstones sit in cr:project.tombstones; 1 counted UTF-16
 * code units and kept tombstones among the annotations. Both are read.
 */
export const SHARE_FORMAT_VERSION = 2;
/** The time an item without one is stored with (the project needs one); never written to a file. */
export const UNKNOWN_TIME = '1970-01-01T00:00:00.000Z';
