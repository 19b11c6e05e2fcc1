import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, loadWindowState, placeWindow, saveWindowState } from '../../../electron/window-state';

const LAPTOP = { x: 0, y: 0, width: 1440, height: 860 };
const MONITOR = { x: 1440, y: -200, width: 2560, height: 1400 };

describe('window state', () => {
  it('is saved in the app folder and read back', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'crossread-win-'));
    expect(loadWindowState(home)).toBeNull();
    saveWindowState(home, { bounds: { x: 40, y: 30, width: 1200, height: 800 }, maximized: true });
    expect(loadWindowState(home)).toEqual({ bounds: { x: 40, y: 30, width: 1200, height: 800 }, maximized: true });
    fs.writeFileSync(path.join(home, 'window-state.json'), '{"bounds": {"x": "left"}}');
    expect(loadWindowState(home)).toBeNull();
    fs.rmSync(home, { recursive: true });
  });

  it('reopens where it was when that place is still on a screen', () => {
    const saved = { bounds: { x: 1600, y: 0, width: 1800, height: 1100 }, maximized: false };
    expect(placeWindow(saved, [LAPTOP, MONITOR])).toEqual(saved);
  });

  it('opens at the default size, centred, when its screen is gone', () => {
    const saved = { bounds: { x: 1600, y: 0, width: 1800, height: 1100 }, maximized: true };
    expect(placeWindow(saved, [LAPTOP])).toEqual({ bounds: { ...DEFAULT_SIZE }, maximized: true });
    expect(placeWindow(null, [LAPTOP])).toEqual({ bounds: { ...DEFAULT_SIZE }, maximized: false });
  });

  it('pulls a window that hangs off the edge back on screen and shrinks it to fit', () => {
    const placed = placeWindow({ bounds: { x: 1000, y: -10, width: 2000, height: 1200 }, maximized: false }, [LAPTOP]);
    expect(placed.bounds).toEqual({ x: 0, y: 0, width: 1440, height: 860 });
  });

  it('never goes below the minimum size', () => {
    expect(placeWindow({ bounds: { x: 10, y: 10, width: 200, height: 100 }, maximized: false }, [LAPTOP]).bounds).toEqual({ x: 10, y: 10, width: 800, height: 500 });
  });
});
