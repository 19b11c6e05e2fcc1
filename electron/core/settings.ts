import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { Language, type Settings } from '../../shared/contract';

const MAX_RECENT = 10;

const SettingsFile = z.object({
  language: Language.catch('en'),
  author: z.string().min(1).max(120).catch(defaultAuthor),
  recent: z.array(z.string()).max(50).catch([]),
});
type SettingsFile = z.infer<typeof SettingsFile>;

function defaultAuthor(): string {
  try {
    return os.userInfo().username || 'analyst';
  } catch {
    return 'analyst';
  }
}

/**
 * App-wide settings (not per project): UI language, the author name stamped on claims, and the
 * recent projects. Kept as JSON in the app's home folder, written atomically.
 */
export class SettingsStore {
  private readonly file: string;
  private data: SettingsFile;

  constructor(private readonly homeDir: string) {
    this.file = path.join(homeDir, 'settings.json');
    this.data = this.load();
  }

  get(): Settings {
    return { language: this.data.language, author: this.data.author };
  }

  update(patch: Partial<Settings>): Settings {
    this.data = { ...this.data, ...patch };
    this.save();
    return this.get();
  }

  recent(): string[] {
    return [...this.data.recent];
  }

  /** Moves a project to the top of the recent list. */
  remember(projectPath: string): void {
    this.data.recent = [projectPath, ...this.data.recent.filter((p) => p !== projectPath)].slice(0, MAX_RECENT);
    this.save();
  }

  private load(): SettingsFile {
    let raw: unknown = {};
    try {
      raw = JSON.parse(fs.readFileSync(this.file, 'utf8'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        // Keep the unreadable file for the user instead of overwriting it with defaults.
        try {
          fs.renameSync(this.file, `${this.file}.broken`);
        } catch {
          // nothing more to save
        }
      }
    }
    return SettingsFile.parse(raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? raw : {});
  }

  private save(): void {
    fs.mkdirSync(this.homeDir, { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.data, null, 2));
    fs.renameSync(tmp, this.file);
  }
}
