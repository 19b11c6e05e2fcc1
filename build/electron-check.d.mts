// Types for build/electron-check.mjs (a plain Node script, so `npm start` needs no TypeScript).
export interface Probe {
  readText(file: string): string | null;
  stat(file: string): { uid: number; mode: number } | null;
  profiles(): string[];
}
export interface SandboxProblem {
  helper: string;
  apparmor: boolean;
}
export interface SpawnResultLike {
  status: number | null;
  stderr?: string;
  error?: Error & { code?: string };
}
export function installedElectron(packageDir: string): string | null;
export function downloadElectron(
  packageDir: string,
  options?: { timeoutMs?: number; run?: (command: string, args: string[], options: object) => SpawnResultLike },
): string | null;
export function downloadFailedMessage(reason: string): string;
export function sandboxProblem(options: { platform: string; electronBinary: string; probe: Probe }): SandboxProblem | null;
export function sandboxMessage(problem: SandboxProblem, electronBinary: string): string;
export function appArmorProfile(name: string, binary: string): string;
export function startDesktop(options: {
  packageDir: string;
  platform: string;
  probe: Probe;
  download?: (packageDir: string) => string | null;
  build(): number;
  launch(electron: string): number | null;
  print: { info(text: string): void; error(text: string): void };
}): number | null;
export const systemProbe: Probe;
