import path from 'node:path';

/** Every environment variable Tandem reads; the README's configuration table lists the same. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Where uploaded import files are kept while their batch runs, for resuming after a crash. */
  importsDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  trustProxy: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  logLevel: string;
  secureCookies: boolean;
  natsUrl: string | undefined;
  /** Requests per minute per API token, and per client IP on /api (0 = no limit); counted per instance. */
  apiRateLimitPerToken: number;
  apiRateLimitPerIp: number;
}

function int(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number.parseInt(value, 10);
  if (!Number.isFinite(n) || n < 0) throw new Error(`expected a non-negative integer, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = int(env.PORT, 3000);
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    importsDir: path.resolve(env.IMPORTS_DIR ?? path.join(env.DATA_DIR ?? 'data', 'imports')),
    databaseUrl: env.DATABASE_URL || undefined,
    databasePoolSize: int(env.DATABASE_POOL_SIZE, 10),
    publicUrl,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Tandem <no-reply@localhost>',
    adminEmail: env.TANDEM_ADMIN_EMAIL || undefined,
    adminPassword: env.TANDEM_ADMIN_PASSWORD || undefined,
    trustProxy: env.TRUST_PROXY === 'true' || env.TRUST_PROXY === '1',
    sessionIdleMinutes: int(env.SESSION_IDLE_MINUTES, 12 * 60),
    sessionMaxHours: int(env.SESSION_MAX_HOURS, 7 * 24),
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === 'true' : publicUrl.startsWith('https://'),
    natsUrl: env.NATS_URL || undefined,
    apiRateLimitPerToken: int(env.API_RATE_LIMIT_PER_TOKEN, 1200),
    apiRateLimitPerIp: int(env.API_RATE_LIMIT_PER_IP, 6000),
  };
}
