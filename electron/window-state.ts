/**
 * The main window's size and position, remembered between runs in `<home>/window-state.json`.
 * No Electron here: the shell passes in the displays' work areas, so the rules (a saved window
 * must still be reachable on today's screens) are tested under Node.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Undefined x/y: let the system centre the window. */
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1400, height: 900 } as const;
export const MIN_SIZE = { width: 800, height: 500 } as const;
/** How much of the title bar must be on some screen for the window to count as reachable. */
const GRIP = { width: 120, height: 40 } as const;
const FILE_NAME = 'window-state.json';

function isRect(value: unknown): value is Rect {
  if (value === null || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((k) => typeof r[k] === 'number' && Number.isFinite(r[k]));
}

/** The saved state, or null when there is none or it is damaged (the window then opens at its default). */
export function loadWindowState(homeDir: string): { bounds: Rect; maximized: boolean } | null {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(homeDir, FILE_NAME), 'utf8')) as { bounds?: unknown; maximized?: unknown };
    if (!isRect(raw.bounds)) return null;
    return { bounds: raw.bounds, maximized: raw.maximized === true };
  } catch {
    return null;
  }
}

export function saveWindowState(homeDir: string, state: { bounds: Rect; maximized: boolean }): void {
  fs.mkdirSync(homeDir, { recursive: true });
  const file = path.join(homeDir, FILE_NAME);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(state, null, 2));
  fs.renameSync(tmp, file);
}

/**
 * Where to open the window: the saved bounds when their title bar is still on one of `workAreas`
 * (screens change: a laptop leaves its external monitor), shrunk to fit that screen; otherwise the
 * default size, centred by the system.
 */
export function placeWindow(saved: { bounds: Rect; maximized: boolean } | null, workAreas: readonly Rect[]): WindowState {
  const fallback: WindowState = { bounds: { ...DEFAULT_SIZE }, maximized: saved?.maximized ?? false };
  if (!saved) return fallback;
  const { bounds } = saved;
  const titleBar: Rect = { x: bounds.x, y: bounds.y, width: bounds.width, height: GRIP.height };
  const screen = workAreas.find((area) => overlap(titleBar, area).width >= Math.min(GRIP.width, bounds.width) && overlap(titleBar, area).height >= GRIP.height / 2);
  if (!screen) return fallback;
  const width = clamp(bounds.width, MIN_SIZE.width, screen.width);
  const height = clamp(bounds.height, MIN_SIZE.height, screen.height);
  const x = clamp(bounds.x, screen.x, screen.x + screen.width - width);
  const y = clamp(bounds.y, screen.y, screen.y + screen.height - height);
  return { bounds: { x, y, width, height }, maximized: saved.maximized };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)));
}
