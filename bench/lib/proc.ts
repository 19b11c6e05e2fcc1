import fs from 'node:fs';

/** Pids of every Chromium process started with this profile folder (browser, renderers, GPU, utility). */
export function chromiumProcesses(profile: string): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmd = '';
    try {
      cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue; // gone since the listing
    }
    if (cmd.includes(profile) || (cmd.includes('--type=') && childOf(Number(entry), profile))) out.push(Number(entry));
  }
  return out;
}

/** Chromium's helpers do not all repeat the profile path: walk up to an ancestor that has it. */
function childOf(pid: number, profile: string): boolean {
  let current = pid;
  for (let depth = 0; depth < 6; depth++) {
    let stat = '';
    try {
      stat = fs.readFileSync(`/proc/${current}/stat`, 'utf8');
    } catch {
      return false;
    }
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!parent || parent <= 1) return false;
    try {
      if (fs.readFileSync(`/proc/${parent}/cmdline`, 'utf8').includes(profile)) return true;
    } catch {
      return false;
    }
    current = parent;
  }
  return false;
}

/** Resident and proportional set size (bytes) of a process, and its Chromium type, if any. */
export function processMemory(pid: number): { rss: number; pss: number; type: string } {
  const kb = (text: string, key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0) * 1024;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const type = /--type=([a-z-]+)/.exec(cmd)?.[1] ?? 'browser';
    return { rss: kb(status, 'VmRSS'), pss: kb(rollup, 'Pss'), type };
  } catch {
    return { rss: 0, pss: 0, type: 'gone' };
  }
}
