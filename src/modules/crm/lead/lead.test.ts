import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextInRotation, regionMatches, ruleMatches } from './assignment/match.ts';
import { transition } from './lead.ts';
import { escapeHtml, pickLanguage } from './web-form/form-page.ts';

test('lead transitions: forward, lost and back to new; converted is final and never repeated', () => {
  assert.equal(transition('new', 'contacted'), 'contacted');
  assert.equal(transition('qualified', 'lost'), 'lost');
  assert.equal(transition('lost', 'new'), 'new');
  assert.equal(transition('contacted', 'contacted'), 'contacted');
  assert.equal(transition('qualified', 'converted'), 'converted');
  for (const [from, to] of [
    ['lost', 'qualified'],
    ['converted', 'new'],
    ['converted', 'converted'],
    ['lost', 'converted'],
  ] as const)
    assert.throws(() => transition(from, to), { code: 'invalid_transition' });
});

test('rule matching: by source, by region prefix per level, both, or everything', () => {
  assert.ok(regionMatches('CN-SH', 'CN-SH'));
  assert.ok(regionMatches('CN-SH', 'CN-SH-PD'));
  assert.ok(regionMatches('CN', 'CN-SH'));
  assert.ok(!regionMatches('CN-SH', 'CN-SHX'));
  assert.ok(!regionMatches('CN-SH', 'CN'));
  assert.ok(!regionMatches('CN-SH', null));
  const any = { match_source_code: null, match_region_code: null };
  assert.ok(ruleMatches(any, { sourceCode: null, regionCode: null }));
  const both = { match_source_code: 'web', match_region_code: 'CN-SH' };
  assert.ok(ruleMatches(both, { sourceCode: 'web', regionCode: 'CN-SH-PD' }));
  assert.ok(!ruleMatches(both, { sourceCode: 'web', regionCode: 'CN-BJ' }));
  assert.ok(!ruleMatches(both, { sourceCode: 'referral', regionCode: 'CN-SH' }));
});

test('rotation continues after the last pick and skips the unavailable', () => {
  const users = ['a', 'b', 'c'];
  const all = () => true;
  assert.deepEqual(nextInRotation(users, 0, all), { userId: 'a', cursor: 1 });
  assert.deepEqual(nextInRotation(users, 2, all), { userId: 'c', cursor: 0 });
  assert.deepEqual(nextInRotation(users, 7, all), { userId: 'b', cursor: 2 });
  assert.deepEqual(
    nextInRotation(users, 1, (u) => u !== 'b'),
    { userId: 'c', cursor: 0 },
  );
  assert.equal(
    nextInRotation(users, 0, () => false),
    null,
  );
  assert.equal(nextInRotation([], 0, all), null);
});

test('the form page escapes and picks the visitor’s language', () => {
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  assert.equal(pickLanguage('zh-CN,zh;q=0.9,en;q=0.8'), 'zh-CN');
  assert.equal(pickLanguage('en-US,en;q=0.9,zh-CN;q=0.8'), 'en');
  assert.equal(pickLanguage('fr-FR, zh-TW;q=0.5'), 'zh-CN');
  assert.equal(pickLanguage('de'), 'en');
  assert.equal(pickLanguage(undefined), 'en');
  assert.equal(pickLanguage('en;q=0.1, zh;q=0.9'), 'zh-CN');
});
