import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { modules } from './modules/index.ts';
import { startNatsPublisher, startWebhookWorker } from './modules/integration/index.ts';
import type { Config } from './platform/config.ts';
import { type Db, openPglite, openPostgres } from './platform/db/connect.ts';
import { acquireDataDirLock } from './platform/db/lock.ts';
import { migrate } from './platform/db/migrate.ts';
import { buildApp } from './platform/http/app.ts';
import { registerPlatformJobs } from './platform/jobs/platform-jobs.ts';
import { startScheduler } from './platform/jobs/scheduler.ts';
import { onMailQueued, sendQueuedMail } from './platform/mail/queue.ts';
import { bootstrapIfEmpty } from './platform/org/bootstrap.ts';
import { startDispatcher } from './platform/outbox/dispatcher.ts';
import { ensureRegions } from './platform/reference/regions.ts';
import { platformRoutes } from './platform/routes.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** All API routes: the platform's, then each module's. */
export function registerAllRoutes(app: FastifyInstance): void {
  platformRoutes(app);
  for (const m of modules) m.routes(app);
}

/** Opens the configured database: PostgreSQL with DATABASE_URL, else the embedded PGlite in DATA_DIR. */
export async function openDatabase(config: Config, log: (msg: string) => void = () => {}): Promise<Db> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.databasePoolSize);
  const dir = path.join(config.dataDir, 'pglite');
  if (!fs.existsSync(path.join(dir, 'PG_VERSION')))
    log(`Creating the embedded database in ${dir} (first start only, a few seconds)…`);
  return openPglite({ dataDir: dir });
}

export function ensureWebBuild(log: (msg: string) => void): string {
  const webRoot = path.join(repoRoot, 'dist/web');
  if (fs.existsSync(path.join(webRoot, 'index.html'))) return webRoot;
  log('Building the web app (first start only)…');
  const vite = path.join(repoRoot, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0)
    log('The web app could not be built; the API still runs. Run `npm run build` to see why.');
  return webRoot;
}

/** `npm start`: lock, open, migrate, bootstrap, serve, dispatch, schedule; SIGTERM shuts down in order. */
export async function startServer(config: Config): Promise<{ app: FastifyInstance; stop(): Promise<void> }> {
  const say = (msg: string) => console.log(msg);
  const release = config.databaseUrl
    ? () => {}
    : acquireDataDirLock(config.dataDir, { role: 'server', command: 'start', port: config.port });
  const db = await openDatabase(config, say);
  await migrate(db);
  await ensureRegions(db.orm);
  const first = await bootstrapIfEmpty(db, config);
  if (first) {
    const line = '─'.repeat(60);
    say(`\n${line}\n  Tandem is ready. Sign in at ${config.publicUrl}\n  email:    ${first.email}`);
    say(
      first.generated
        ? `  password: ${first.password}   (shown once: write it down)`
        : '  password: the one in TANDEM_ADMIN_PASSWORD',
    );
    say(`${line}\n`);
  }
  const webRoot = ensureWebBuild(say);
  const app = await buildApp({ db, config, webRoot, registerRoutes: registerAllRoutes });
  registerPlatformJobs(config);
  // Before the dispatcher, so its subscriber sees the first events; a NATS that is down only logs and retries.
  const nats = config.natsUrl ? startNatsPublisher(db, config.natsUrl, app.log) : null;
  const dispatcher = startDispatcher(db, app.log);
  const webhooks = startWebhookWorker(db, app.log);
  const scheduler = startScheduler(db, app.log);
  const offMail = onMailQueued(() => void sendQueuedMail(db, config, app.log).catch(() => {}));
  await app.listen({ port: config.port, host: config.host });
  say(`Tandem listening on ${config.publicUrl} (database: ${db.kind})`);

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      offMail();
      await app.close();
      await dispatcher.stop();
      await webhooks.stop();
      await nats?.stop();
      await scheduler.stop();
      await db.close();
      release();
    })();
    return stopping;
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.once(signal, () => {
      say(`${signal} received: finishing requests and shutting down…`);
      stop().then(
        () => process.exit(0),
        (error) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  return { app, stop };
}
