import { sql } from 'drizzle-orm';
import { rows, type Tx, textArray } from '../db/tx.ts';
import { newId } from '../ids.ts';

/** A text in the recipient's language: one string, or per locale with English as the fallback. */
export type LocalText = string | { en: string; [locale: string]: string };

export interface NotificationInput {
  /** What happened, stable for the web app (e.g. `approval.requested`). */
  kind: string;
  title: LocalText;
  body?: LocalText;
  /** A path inside the web app (`/approvals/…`); never an absolute or scheme URL. */
  link?: string | null;
}

const TITLE_MAX = 200;
const BODY_MAX = 2000;

function pick(text: LocalText | undefined, locale: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[locale] ?? text[locale.split('-')[0]] ?? text.en;
}

// The web app renders links as router paths; `javascript:` or another origin would be an open door.
function assertAppPath(link: string): void {
  if (!/^\/(?![/\\])[^\s]*$/.test(link)) throw new Error(`notification link must be an app path: ${link}`);
}

/**
 * Leaves an in-app notification for each listed user who is an active member of the company, in
 * their language, in the caller's transaction. Unknown or inactive users are skipped silently: the
 * caller often passes "everyone holding role X", and who is active changes. Returns the ids written.
 */
export async function notify(
  tx: Tx,
  companyId: string,
  userIds: readonly string[],
  input: NotificationInput,
): Promise<string[]> {
  if (input.link) assertAppPath(input.link);
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return [];
  const recipients = await rows<{ user_id: string; locale: string }>(
    tx,
    sql`select m.user_id, u.locale from platform_membership m join platform_user u on u.id = m.user_id
         where m.company_id = ${companyId} and m.active and u.disabled_at is null
           and m.user_id::text = any(${textArray(unique)})`,
  );
  const ids: string[] = [];
  for (const r of recipients) {
    const id = newId();
    await tx.execute(
      sql`insert into platform_notification (company_id, id, user_id, kind, title, body, link)
          values (${companyId}, ${id}, ${r.user_id}, ${input.kind}, ${pick(input.title, r.locale).slice(0, TITLE_MAX)},
                  ${pick(input.body, r.locale).slice(0, BODY_MAX)}, ${input.link ?? null})`,
    );
    ids.push(id);
  }
  return ids;
}
