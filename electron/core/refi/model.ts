/**
 * A REFI-QDA project as read from a file, before anything of it reaches a project. Plain data only:
 * it crosses from the isolate that reads it (a structured clone). GUIDs are clean (no braces,
 * lower case); positions are as the file wrote them, in its own text.
 */
import type { RefiSkippedItem } from '../../../shared/refi';

export interface RefiUser {
  guid: string;
  name: string;
}

export interface RefiCode {
  guid: string;
  name: string;
  /** #rrggbb, or null when the file gives none (or one the app cannot use). */
  color: string | null;
  description: string;
  codable: boolean;
  parent: string | null;
  noteRefs: string[];
}

export type RefiVariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';

export interface RefiVariable {
  guid: string;
  name: string;
  type: RefiVariableType;
  /** Its Description: Crossread writes a choice list's choices there, "A | B | C". */
  description: string;
}

export interface RefiValue {
  variable: string;
  value: string;
}

export interface RefiSelection {
  guid: string;
  start: number;
  end: number;
  codes: string[];
  user: string | null;
  created: string | null;
  noteRefs: string[];
}

export interface RefiSource {
  guid: string;
  name: string;
  /** 'pdf': a PDF source read through its text representation. */
  kind: 'text' | 'pdf';
  /** The text as the file holds it (line ends included). */
  text: string;
  description: string;
  selections: RefiSelection[];
  noteRefs: string[];
  values: RefiValue[];
  created: string | null;
}

export interface RefiNote {
  guid: string;
  text: string;
  user: string | null;
  created: string | null;
}

export interface RefiLink {
  guid: string;
  name: string;
  direction: 'Associative' | 'OneWay' | 'Bidirectional';
  origin: string;
  target: string;
  noteRefs: string[];
}

export interface RefiCase {
  guid: string;
  name: string;
  values: RefiValue[];
  sources: string[];
}

/** A Set of sources: a group of documents (its member codes and notes are not read). */
export interface RefiSet {
  guid: string;
  name: string;
  /** The GUIDs of its member sources, as the file names them. */
  sources: string[];
}

/** What the file holds that Crossread does not take, listed for the user rather than dropped in silence. */
export interface RefiSkipped {
  kind: RefiSkippedItem['kind'];
  name: string;
  reason: RefiSkippedItem['reason'];
  why: string;
}

export interface RefiFile {
  name: string;
  users: RefiUser[];
  codes: RefiCode[];
  variables: RefiVariable[];
  cases: RefiCase[];
  sources: RefiSource[];
  notes: RefiNote[];
  links: RefiLink[];
  sets: RefiSet[];
  projectNotes: string[];
  skipped: RefiSkipped[];
}
