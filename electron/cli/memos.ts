import type { MemoSummary } from '../../shared/contract';

export const MEMOS_USAGE = `  memos --project P [--json]            Print the project memo and the memos on documents and tags`;

/** The heading of a memo in the CLI's English. */
function heading(m: MemoSummary): string {
  if (m.owner.kind === 'project') return 'Project memo';
  return `${m.owner.kind === 'document' ? 'Document' : 'Tag'} “${m.ownerName}”`;
}

/** The written memos: as JSON (owner, author, time, text), or as headed, indented plain text. */
export function formatMemos(memos: MemoSummary[], asJson: boolean): string {
  if (asJson) {
    const rows = memos.map((m) => ({
      kind: m.owner.kind,
      id: m.owner.kind === 'project' ? null : m.owner.id,
      owner: m.owner.kind === 'project' ? null : m.ownerName,
      author: m.author,
      modified: m.modifiedAt,
      text: m.text,
    }));
    return `${JSON.stringify(rows, null, 2)}\n`;
  }
  if (memos.length === 0) return 'No memos written yet.\n';
  return memos
    .map((m) => {
      const body = m.text.split('\n').map((line) => (line ? `    ${line}` : ''));
      return `${heading(m)} — ${m.author || 'no author'}, ${m.modifiedAt}\n${body.join('\n')}\n`;
    })
    .join('\n');
}
