import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, newCompany, signedIn } from '../../../test/kit/index.ts';
import { withTransaction } from '../db/tx.ts';
import { maskSecrets } from './mails.ts';
import { queueMail } from './queue.ts';

describeDb('mail outbox view', (ctx) => {
  test('an admin sees the company’s mail only, filtered by status, with one-time links masked', async () => {
    const company = await newCompany(ctx.db);
    const stranger = await newCompany(ctx.db);
    const [welcome, invoice] = await withTransaction(ctx.db, async (tx) => [
      await queueMail(tx, {
        companyId: company.id,
        kind: 'user_invite',
        to: 'new@example.com',
        subject: 'Welcome',
        text: 'Set your password: https://tandem.test/set-password?token=s3cr3t-t0ken&x=1',
      }),
      await queueMail(tx, {
        companyId: company.id,
        kind: 'invoice',
        to: 'buyer@example.com',
        subject: 'Invoice',
        text: 'Attached.',
      }),
    ]);
    await withTransaction(ctx.db, (tx) =>
      queueMail(tx, { companyId: stranger.id, kind: 'x', to: 'a@b.c', subject: 'Other company', text: '' }),
    );
    await ctx.db.orm.execute(sql`update platform_mail set status = 'stored' where id = ${invoice}`);

    const admin = await signedIn(ctx.db, company.admin);
    const all = await admin.get('/api/v1/mail');
    assert.equal(all.status, 200);
    assert.deepEqual(
      all.body.items.map((m: any) => m.id),
      [invoice, welcome],
    );
    const invite = all.body.items.find((m: any) => m.id === welcome);
    assert.equal(invite.to, 'new@example.com');
    assert.equal(invite.text, 'Set your password: https://tandem.test/set-password?token=…&x=1');
    const storedOnly = await admin.get('/api/v1/mail?status=stored');
    assert.deepEqual(
      storedOnly.body.items.map((m: any) => m.id),
      [invoice],
    );
    assert.equal((await admin.get('/api/v1/mail?status=bogus')).status, 400);
    assert.equal((await admin.get("/api/v1/mail?status=stored'--")).status, 400);
  });

  test('a role without platform.mail.read gets a 403', async () => {
    const company = await newCompany(ctx.db);
    const sales = await signedIn(ctx.db, await company.user('sales'));
    assert.equal((await sales.get('/api/v1/mail')).status, 403);
  });

  test('masking keeps the text and hides token-like query values', () => {
    assert.equal(
      maskSecrets('see https://x/a?code=123&b=2 and ?key=abc#frag'),
      'see https://x/a?code=…&b=2 and ?key=…#frag',
    );
    assert.equal(maskSecrets('nothing to hide'), 'nothing to hide');
  });
});
