/** Row shapes exactly as the tables hold them (snake_case); domain types live in shared/contract. */
export interface DbDocument {
  id: string;
  title: string;
  outlet: string;
  author: string;
  date: string | null;
  language: string;
  source_name: string;
  format: 'txt' | 'md' | 'html' | 'docx';
  encoding: string;
  content_hash: string;
  length: number;
  created_at: string;
  modified_at: string;
}

export interface DbTag {
  id: string;
  name: string;
  color: string;
  position: number;
  parent_id: string | null;
  definition: string;
  use_when: string;
  avoid_when: string;
  example: string;
  /** 1: starred by this analyst (migration 0010). */
  favourite: number;
  /** Live claims coded with the tag itself (not its descendants). */
  claims: number;
  created_at: string;
  modified_at: string;
}

export interface DbAnnotation {
  id: string;
  document_id: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  author: string;
  created_at: string;
  modified_at: string;
  /** JSON array of live tag ids, in tag order. */
  tag_ids: string;
  /** The note's plain text, '' when none. */
  note_text: string;
}

export interface DbRelationType {
  id: string;
  name: string;
  inverse_name: string;
  symmetric: 0 | 1;
  builtin: string | null;
  position: number;
  created_at: string;
  modified_at: string;
}

export interface DbLink {
  id: string;
  from_id: string;
  to_id: string;
  relation_id: string;
  author: string;
  created_at: string;
  modified_at: string;
  /** The note's plain text, '' when none. */
  note_text: string;
}
