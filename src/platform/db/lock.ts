import fs from 'node:fs';
import path from 'node:path';

export interface LockInfo {
  pid: number;
  role: 'server' | 'cli';
  command: string;
  port?: number;
  startedAt: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly holder: LockInfo,
    readonly dataDir: string,
  ) {
    super(
      holder.role === 'server'
        ? `The Tandem server (pid ${holder.pid}${holder.port ? `, port ${holder.port}` : ''}) is using the embedded database in ${dataDir}. ` +
            'Stop it first (Ctrl+C or SIGTERM), or do this through its web UI / API. ' +
            'Two processes writing one embedded database would silently lose data.'
        : `Another Tandem command (pid ${holder.pid}: ${holder.command}) is using the embedded database in ${dataDir}; wait for it to finish.`,
    );
    this.name = 'DataDirLockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite does not lock its folder, so Tandem does: one process at a time owns DATA_DIR. A lock left
 * by a process that no longer exists (killed) is taken over.
 */
export function acquireDataDirLock(dataDir: string, info: Omit<LockInfo, 'pid' | 'startedAt'>): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'tandem.lock');
  const mine: LockInfo = { ...info, pid: process.pid, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, JSON.stringify(mine));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const current = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
          if (current.pid === process.pid) fs.unlinkSync(file);
        } catch {}
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: LockInfo | null = null;
      try {
        holder = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
      } catch {}
      if (holder && holder.pid !== process.pid && alive(holder.pid))
        throw new DataDirLockedError(holder, dataDir);
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock ${file}`);
}
