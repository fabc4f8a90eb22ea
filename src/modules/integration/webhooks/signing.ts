import { createHmac, randomBytes } from 'node:crypto';

// Standard Webhooks (https://www.standardwebhooks.com): a `whsec_`-prefixed base64 secret; the signature is
// `v1,` + base64(HMAC-SHA256(secret bytes, "<webhook-id>.<webhook-timestamp>.<body>")).

const PREFIX = 'whsec_';

/** A new secret: 32 random bytes, base64, with the `whsec_` prefix receivers' libraries expect. */
export function newWebhookSecret(): string {
  return `${PREFIX}${randomBytes(32).toString('base64')}`;
}

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
}

/** One `v1,<sig>` value per secret, space-separated (during a rotation both secrets sign). */
export function signatureHeader(secrets: string[], msgId: string, timestamp: number, body: string): string {
  return secrets
    .map((secret) => {
      const mac = createHmac('sha256', keyOf(secret))
        .update(`${msgId}.${timestamp}.${body}`)
        .digest('base64');
      return `v1,${mac}`;
    })
    .join(' ');
}
