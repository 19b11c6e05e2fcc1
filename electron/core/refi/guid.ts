/**
 * GUIDs of a REFI-QDA file. Crossread's records already carry UUIDs and keep them; things that have
 * no id of their own in Crossread (a user, a coding, a note, a variable's case) get one derived from
 * what they are, so exporting the same project twice writes the same GUIDs and re-importing changes
 * nothing.
 */
import { createHash } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const GUID = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

/** A version-8 UUID (RFC 9562, "custom") from a hash of `parts`. */
export function derivedGuid(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000'), 'utf8').digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A file's GUID in the form written by every tool we know of: braces (NVivo, ATLAS.ti) stripped, lower case. */
export function cleanGuid(raw: string): string | null {
  const m = GUID.exec(raw.trim());
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * The Crossread id of a record the file names by `guid`: the GUID itself when it is a UUID the app
 * accepts, otherwise (an all-zero or otherwise non-standard GUID) one derived from it, the same on
 * every import.
 */
export function idFromGuid(guid: string): string {
  return UUID.test(guid) ? guid : derivedGuid('refi-guid', guid);
}
