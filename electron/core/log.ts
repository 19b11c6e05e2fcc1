/**
 * The app's log: one line per event in `<home>/logs/crossread.log`, so a user can find what went
 * wrong and send it. The file is rotated by size (crossread.log → .1 → .2 …), keeping a few
 * generations. Until a file is configured (and always for errors) lines also go to stderr.
 * Writes are synchronous appends: a log line that matters most is the one just before a crash.
 */
import fs from 'node:fs';
import path from 'node:path';

export const LOG_FILE_NAME = 'crossread.log';

export interface LogOptions {
  /** Rotate once the file exceeds this many bytes. */
  maxBytes?: number;
  /** Rotated generations kept besides the current file. */
  keep?: number;
}

/** Where a process without its own log file sends its lines (the core's utility process). */
export type LogSink = (level: 'info' | 'warn' | 'error', message: string) => void;

export class Log {
  private file: string | null = null;
  private sink: LogSink | null = null;
  private maxBytes = 1024 * 1024;
  private keep = 3;

  /** Starts writing to `<dir>/crossread.log`; returns the file's path. */
  toFile(dir: string, options: LogOptions = {}): string {
    this.maxBytes = options.maxBytes ?? this.maxBytes;
    this.keep = options.keep ?? this.keep;
    fs.mkdirSync(dir, { recursive: true });
    this.file = path.join(dir, LOG_FILE_NAME);
    return this.file;
  }

  /**
   * Hands every line to `sink` instead of writing it: one process writes the file, so its rotation
   * never races another writer. `file` is that file, which path() reports.
   */
  forward(sink: LogSink, file: string | null): void {
    this.sink = sink;
    this.file = file;
  }

  /** The current log file, or null when logging to stderr only. */
  path(): string | null {
    return this.file;
  }

  info(message: string): void {
    this.write('INFO', message);
  }

  warn(message: string, error?: unknown): void {
    this.write('WARN', withError(message, error));
  }

  error(message: string, error?: unknown): void {
    const line = withError(message, error);
    // A forwarded line reaches stderr once, from the process that writes the file.
    if (!this.sink) console.error(`[crossread] ${line}`);
    this.write('ERROR', line);
  }

  private write(level: 'INFO' | 'WARN' | 'ERROR', message: string): void {
    if (this.sink) {
      this.sink(level === 'INFO' ? 'info' : level === 'WARN' ? 'warn' : 'error', message);
      return;
    }
    if (!this.file) {
      if (level !== 'ERROR') console.error(`[crossread] ${message}`);
      return;
    }
    const line = `${new Date().toISOString()} ${level} ${message.replace(/\r?\n/g, '\n    ')}\n`;
    try {
      this.rotateIfFull(Buffer.byteLength(line));
      fs.appendFileSync(this.file, line);
    } catch {
      // A full or read-only disk must not take the app down with it; stderr still has errors.
    }
  }

  private rotateIfFull(incoming: number): void {
    const file = this.file!;
    const size = fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0;
    if (size === 0 || size + incoming <= this.maxBytes) return;
    fs.rmSync(`${file}.${this.keep}`, { force: true });
    for (let i = this.keep - 1; i >= 1; i--) {
      if (fs.existsSync(`${file}.${i}`)) fs.renameSync(`${file}.${i}`, `${file}.${i + 1}`);
    }
    fs.renameSync(file, `${file}.1`);
  }
}

function withError(message: string, error: unknown): string {
  if (error === undefined) return message;
  const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  return `${message}: ${detail}`;
}

/** The process-wide log; the shell and browser mode point it at the app folder at start. */
export const log = new Log();
