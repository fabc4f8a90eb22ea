import http from 'node:http';
import https from 'node:https';
import { signatureHeader } from './signing.ts';
import { type AllowList, assertLiteralAllowed, guardedLookup, hostOf, parseWebhookUrl } from './ssrf.ts';

export interface SendInput {
  url: string;
  msgId: string;
  body: string;
  secrets: string[];
  allow: AllowList;
  timeoutMs: number;
}

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  excerpt: string | null;
  error: string | null;
  durationMs: number;
}

const EXCERPT = 500;

/**
 * One signed POST through the SSRF guard (IP literals checked here, names by the guarded lookup at
 * connect time). Never throws: any failure is a result. Redirects are not followed.
 */
export async function sendWebhook(input: SendInput): Promise<SendResult> {
  const started = Date.now();
  const done = (r: Omit<SendResult, 'durationMs'>): SendResult => ({
    ...r,
    durationMs: Date.now() - started,
  });
  let url: URL;
  try {
    url = parseWebhookUrl(input.url);
    assertLiteralAllowed(hostOf(url), input.allow);
  } catch (error) {
    return done({ ok: false, statusCode: null, excerpt: null, error: (error as Error).message });
  }
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(input.body)),
    'user-agent': 'Tandem-Webhooks/1',
    'webhook-id': input.msgId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signatureHeader(input.secrets, input.msgId, timestamp, input.body),
  };
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (r: Omit<SendResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      resolve(done(r));
    };
    const lib = url.protocol === 'https:' ? https : http;
    const req = lib.request(
      url,
      { method: 'POST', headers, lookup: guardedLookup(input.allow), timeout: input.timeoutMs, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (text.length < EXCERPT) text += chunk;
        });
        res.on('end', () => {
          const code = res.statusCode ?? 0;
          finish({
            ok: code >= 200 && code < 300,
            statusCode: code,
            excerpt: text.slice(0, EXCERPT),
            error: code >= 200 && code < 300 ? null : `HTTP ${code}`,
          });
        });
        res.on('error', (error) =>
          finish({ ok: false, statusCode: res.statusCode ?? null, excerpt: null, error: error.message }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${input.timeoutMs} ms`)));
    req.on('error', (error) =>
      finish({ ok: false, statusCode: null, excerpt: null, error: error.message.slice(0, 500) }),
    );
    req.end(input.body);
  });
}
