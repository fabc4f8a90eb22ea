import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { sendWebhook } from './send.ts';
import { signatureHeader } from './signing.ts';
import { AllowList, blockedAddress, parseWebhookUrl } from './ssrf.ts';

const none = new AllowList([]);

test('loopback, private, CGNAT, link-local, unique-local, multicast and mapped forms are blocked', () => {
  for (const address of [
    '127.0.0.1',
    '127.8.9.10',
    '0.0.0.0',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '100.64.0.1',
    '169.254.169.254',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    '64:ff9b::7f00:1',
  ])
    assert.ok(blockedAddress(address, none), `${address} is blocked`);
  for (const address of ['8.8.8.8', '203.0.113.10', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])
    assert.equal(blockedAddress(address, none), null, `${address} is public`);
});

test('the allow-list opens named addresses and networks only', () => {
  const allow = new AllowList(['10.20.0.0/16', '127.0.0.1', '[::1]', 'bridge.internal']);
  assert.equal(blockedAddress('10.20.3.4', allow), null);
  assert.ok(blockedAddress('10.21.0.1', allow));
  assert.equal(blockedAddress('127.0.0.1', allow), null);
  assert.equal(blockedAddress('::ffff:127.0.0.1', allow), null);
  assert.ok(blockedAddress('127.0.0.2', allow));
  assert.equal(blockedAddress('::1', allow), null);
  assert.ok(allow.allowsHost('Bridge.Internal'));
});

test('only http(s) URLs without credentials are accepted', () => {
  for (const url of [
    'ftp://example.com/x',
    'file:///etc/passwd',
    'http://user:pw@example.com/',
    'javascript:alert(1)',
    'nope',
  ])
    assert.throws(() => parseWebhookUrl(url), /webhook|URL/i, url);
  assert.equal(parseWebhookUrl('https://example.com/hook').hostname, 'example.com');
});

test('the signature is the Standard Webhooks HMAC, one value per secret', () => {
  // The example of the Standard Webhooks specification.
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const sig = signatureHeader([secret], 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}');
  assert.equal(sig, 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  assert.equal(signatureHeader([secret, secret], 'a', 1, 'b').split(' ').length, 2);
});

test('SEC-SSRF-01: every spelling of an internal address in the catalogue is refused', async () => {
  // The URL parser normalises shorthand, decimal, hex and octal IPv4 before the guard sees the host.
  for (const text of [
    'http://127.0.0.1:5432/',
    'http://127.1/',
    'http://0/',
    'http://2130706433/',
    'http://0x7f000001/',
    'http://0177.0.0.1/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:a9fe:a9fe]/latest/meta-data/',
    'http://169.254.169.254/',
    'http://10.0.0.1/',
    'http://192.168.1.1/',
  ]) {
    const result = await sendWebhook({
      url: text,
      msgId: 'msg_x',
      body: '{}',
      secrets: [],
      allow: none,
      timeoutMs: 1000,
    });
    assert.equal(result.ok, false, text);
    assert.equal(result.statusCode, null, `${text} was never connected to`);
    assert.match(result.error ?? '', /loopback|private|reserved/, text);
  }
  for (const text of ['gopher://127.0.0.1/', 'data:text/plain,x', 'ftp://10.0.0.1/', 'file:///etc/passwd'])
    assert.throws(() => parseWebhookUrl(text), /webhook|URL/i, text);
});

test('SEC-SSRF-01: a redirect is not followed (a 302 to the metadata address is a failed delivery)', async (t) => {
  let followed = 0;
  const target = http.createServer((_req, res) => {
    followed++;
    res.end('metadata');
  });
  const redirector = http.createServer((_req, res) => {
    res.writeHead(302, {
      location: `http://127.0.0.1:${(target.address() as AddressInfo).port}/latest/meta-data/`,
    });
    res.end();
  });
  await new Promise<void>((done) => target.listen(0, '127.0.0.1', done));
  await new Promise<void>((done) => redirector.listen(0, '127.0.0.1', done));
  t.after(() => {
    target.close();
    redirector.close();
  });
  const result = await sendWebhook({
    url: `http://127.0.0.1:${(redirector.address() as AddressInfo).port}/hook`,
    msgId: 'msg_redirect',
    body: '{}',
    secrets: [],
    allow: new AllowList(['127.0.0.1']),
    timeoutMs: 2000,
  });
  assert.deepEqual([result.ok, result.statusCode, result.error], [false, 302, 'HTTP 302']);
  assert.equal(followed, 0, 'the redirect target was never asked');
});
