import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { afterCommit, rows, type Tx } from '../db/tx.ts';
import { newId } from '../ids.ts';

export interface MailInput {
  companyId?: string | null;
  kind: string;
  to: string;
  subject: string;
  text: string;
}

const wakers = new Set<() => void>();

/** Queues a mail in the caller's transaction; it leaves only after commit. */
export async function queueMail(tx: Tx, mail: MailInput): Promise<string> {
  const id = newId();
  await tx.execute(
    sql`insert into platform_mail (id, company_id, kind, to_address, subject, text_body)
        values (${id}, ${mail.companyId ?? null}, ${mail.kind}, ${mail.to}, ${mail.subject}, ${mail.text})`,
  );
  afterCommit(tx, () => {
    for (const wake of wakers) wake();
  });
  return id;
}

/**
 * Sends queued mail through SMTP_URL; without SMTP the mail is kept as `stored` and shown in the
 * UI's outbox (and the CLI log), so a fresh install still works end to end.
 */
export async function sendQueuedMail(
  db: Db,
  config: Config,
  log?: { info(o: unknown, m?: string): void },
): Promise<number> {
  const queued = await rows<{
    id: string;
    to_address: string;
    subject: string;
    text_body: string;
    attempts: number;
  }>(
    db.orm,
    sql`update platform_mail m set attempts = attempts + 1
         where m.id in (select id from platform_mail where status = 'queued' and attempts < 10
                         order by created_at limit 20 for update skip locked)
        returning m.id, m.to_address, m.subject, m.text_body, m.attempts`,
  );
  if (queued.length === 0) return 0;
  const transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  for (const mail of queued) {
    if (!transport) {
      await db.orm.execute(sql`update platform_mail set status = 'stored' where id = ${mail.id}`);
      log?.info({ mailId: mail.id, to: mail.to_address, subject: mail.subject }, 'mail stored (no SMTP_URL)');
      continue;
    }
    try {
      await transport.sendMail({
        from: config.mailFrom,
        to: mail.to_address,
        subject: mail.subject,
        text: mail.text_body,
      });
      await db.orm.execute(
        sql`update platform_mail set status = 'sent', sent_at = now(), last_error = null where id = ${mail.id}`,
      );
    } catch (error) {
      const failed = mail.attempts >= 10;
      await db.orm.execute(
        sql`update platform_mail set status = ${failed ? 'failed' : 'queued'}, last_error = ${String(error).slice(0, 1000)}
             where id = ${mail.id}`,
      );
    }
  }
  return queued.length;
}

export function onMailQueued(fn: () => void): () => void {
  wakers.add(fn);
  return () => wakers.delete(fn);
}
