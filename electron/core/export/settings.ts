/**
 * The dossier's project-level data in project_meta (no schema change needed):
 * - `dossier.summary`: {"json": Lexical state, "text", "author", "modifiedAt"} — the share helper
 *   reads it too, so its shape is fixed;
 * - `dossier.options`: the title, analyst and choices of the last export, offered next time.
 */
import { z } from 'zod';
import { DossierSettings, DossierSummary } from '../../../shared/contract';
import { noteText } from '../notes/lexical';
import type { Project } from '../store/project';

export const SUMMARY_KEY = 'dossier.summary';
export const OPTIONS_KEY = 'dossier.options';

const StoredSummary = DossierSummary;
export type StoredSummary = DossierSummary;


/** Stored data is only a convenience: a damaged value reads as absent rather than blocking export. */
function readJson<T>(project: Project, key: string, schema: z.ZodType<T>): T | null {
  const raw = project.meta.get(key);
  if (raw === undefined) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function readSummary(project: Project): StoredSummary | null {
  const summary = readJson(project, SUMMARY_KEY, StoredSummary);
  if (!summary) return null;
  try {
    noteText(summary.json);
    return summary;
  } catch {
    return null;
  }
}

/** Validates the Lexical JSON (bad-input otherwise) and stores it with its plain text. */
export function saveSummary(project: Project, json: string, author: string): StoredSummary {
  const text = noteText(json);
  return project.write((now) => {
    const summary: StoredSummary = { json, text, author, modifiedAt: now };
    project.meta.set(SUMMARY_KEY, JSON.stringify(summary));
    return summary;
  });
}

export function readDossierSettings(project: Project, author: string): DossierSettings {
  const stored = readJson(project, OPTIONS_KEY, DossierSettings.partial());
  return {
    title: stored?.title || `${project.info().name} — dossier`,
    analyst: stored?.analyst ?? author,
    notes: stored?.notes ?? true,
    untagged: stored?.untagged ?? true,
    descriptions: stored?.descriptions ?? false,
    order: stored?.order ?? 'date',
    language: stored?.language ?? 'en',
    bom: stored?.bom ?? false,
    format: stored?.format ?? 'html',
  };
}

/** Remembers the last export's choices; a read-only project simply does not remember them. */
export function rememberDossierSettings(project: Project, settings: DossierSettings): void {
  if (project.readOnly) return;
  project.write(() => project.meta.set(OPTIONS_KEY, JSON.stringify(settings)));
}
