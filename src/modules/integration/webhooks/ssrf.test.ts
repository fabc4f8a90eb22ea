import assert from 'node:assert/strict';
import { test } from 'node:test';
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
