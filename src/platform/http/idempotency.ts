import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/connect.ts';
import { one } from '../db/tx.ts';
import { AppError, badRequest, conflict, unprocessable } from '../errors.ts';
import type { Actor } from '../permissions/actor.ts';

export interface Outcome {
  status: number;
  body: unknown;
  replayed?: boolean;
}

const WAIT_MS = 10_000;
/** Outcomes a client may legitimately retry with the same key: they are not stored. */
const RETRYABLE = new Set([409, 429, 503]);

function fingerprint(req: FastifyRequest): string {
  return (
    createHash('sha256')
      .update(req.method)
      .update('\0')
      .update(req.url)
      .update('\0')
      // Uploads are Buffers: hash their bytes, never a JSON rendering of them.
      .update(Buffer.isBuffer(req.body) ? req.body : JSON.stringify(req.body ?? null))
      .digest('hex')
  );
}

/**
 * `Idempotency-Key` (IETF draft): the first request with a key runs; a replay with the same body gets
 * the stored first response and changes nothing; the same key with another body is a 422; a replay
 * while the first still runs waits for it. Responses carrying a secret are never stored.
 */
export async function withIdempotency(
  db: Db,
  req: FastifyRequest,
  actor: Actor,
  noReplay: boolean,
  run: () => Promise<Outcome>,
): Promise<Outcome> {
  const key = String(req.headers['idempotency-key']);
  if (key.length < 1 || key.length > 255 || !/^[\x21-\x7e]+$/.test(key))
    throw badRequest('idempotency.bad_key', 'Idempotency-Key must be 1–255 visible ASCII characters');
  const scope = `${actor.companyId}:${actor.tokenId ?? actor.userId}`;
  const print = fingerprint(req);
  const claimed = await one(
    db.orm,
    sql`insert into platform_idempotency_key (scope, key, fingerprint) values (${scope}, ${key}, ${print})
        on conflict do nothing returning key`,
  );
  if (!claimed) return replay(db, scope, key, print);
  try {
    const outcome = await run();
    await db.orm.execute(
      noReplay
        ? sql`update platform_idempotency_key set state = 'done', response_status = ${outcome.status}, no_replay = true
               where scope = ${scope} and key = ${key}`
        : sql`update platform_idempotency_key set state = 'done', response_status = ${outcome.status},
                 response_body = ${JSON.stringify(outcome.body ?? null)}::jsonb
               where scope = ${scope} and key = ${key}`,
    );
    return outcome;
  } catch (error) {
    if (error instanceof AppError && error.status < 500 && !RETRYABLE.has(error.status)) {
      const body = { error: { code: error.code, message: error.message, details: error.details } };
      await db.orm.execute(
        sql`update platform_idempotency_key set state = 'done', response_status = ${error.status},
               response_body = ${JSON.stringify(body)}::jsonb where scope = ${scope} and key = ${key}`,
      );
    } else {
      await db.orm.execute(sql`delete from platform_idempotency_key where scope = ${scope} and key = ${key}`);
    }
    throw error;
  }
}

async function replay(db: Db, scope: string, key: string, print: string): Promise<Outcome> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const row = await one<{
      fingerprint: string;
      state: string;
      response_status: number;
      response_body: unknown;
      no_replay: boolean;
    }>(
      db.orm,
      sql`select fingerprint, state, response_status, response_body, no_replay from platform_idempotency_key
           where scope = ${scope} and key = ${key}`,
    );
    if (!row)
      throw conflict('idempotency.in_progress', 'The first request with this Idempotency-Key failed; retry');
    if (row.fingerprint !== print)
      throw unprocessable('idempotency.key_reused', 'This Idempotency-Key was used with a different request');
    if (row.state === 'done') {
      if (row.no_replay)
        throw conflict(
          'idempotency.not_replayable',
          'The first response held a secret that is shown only once',
        );
      const body = row.response_body as any;
      if (row.response_status >= 400 && body?.error)
        throw new AppError(row.response_status, body.error.code, body.error.message, body.error.details);
      return { status: row.response_status, body, replayed: true };
    }
    if (Date.now() > deadline)
      throw conflict('idempotency.in_progress', 'A request with this Idempotency-Key is still running');
    await new Promise((r) => setTimeout(r, 50));
  }
}
