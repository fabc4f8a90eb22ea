import assert from 'node:assert/strict';
import { test } from 'node:test';
import i18next from 'i18next';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../api/errors.ts';
import { browserLocale } from './detect.ts';
import { en } from './locales/en.ts';
import { zhCN } from './locales/zh-CN.ts';
import { localized } from './localized.ts';

test('the browser language picks zh-CN for any Chinese variant, else English', () => {
  assert.equal(browserLocale(['zh-CN', 'en-US']), 'zh-CN');
  assert.equal(browserLocale(['zh-TW']), 'zh-CN');
  assert.equal(browserLocale(['zh']), 'zh-CN');
  assert.equal(browserLocale(['fr-FR', 'zh-HK']), 'zh-CN');
  assert.equal(browserLocale(['en-GB', 'zh-CN']), 'en');
  assert.equal(browserLocale(['de-DE']), 'en');
  assert.equal(browserLocale([]), 'en');
});

test('a locale map falls back to the base language, then English, then anything', () => {
  const name = { en: 'Administrator', 'zh-CN': '管理员' };
  assert.equal(localized(name, 'zh-CN'), '管理员');
  assert.equal(localized(name, 'en'), 'Administrator');
  assert.equal(localized(name, 'fr'), 'Administrator');
  assert.equal(localized({ zh: '仓库' }, 'zh-CN'), '仓库');
  assert.equal(localized({ de: 'Lager' }, 'en'), 'Lager');
  assert.equal(localized('plain', 'zh-CN'), 'plain');
  assert.equal(localized(null, 'en'), '');
});

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`),
  );
}

test('both languages have the same keys and no empty strings', () => {
  assert.deepEqual(keys(zhCN).sort(), keys(en).sort());
  for (const [name, tree] of [
    ['en', en],
    ['zh-CN', zhCN],
  ] as const) {
    const empty = keys(tree).filter((key) => !key.split('.').reduce<any>((node, part) => node[part], tree));
    assert.deepEqual(empty, [], `${name} has empty strings`);
  }
});

test('server errors are translated by code, with details interpolated and the message as fallback', async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: 'zh-CN',
    fallbackLng: 'en',
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false },
  });
  const t = i18n.t.bind(i18n);
  const wrong = new ApiError(401, 'auth.invalid_credentials', 'Wrong email or password');
  assert.equal(errorMessage(t, wrong), '邮箱或密码不正确。');
  const throttled = new ApiError(429, 'auth.throttled', 'Too many attempts', { retryAfterSeconds: 42 });
  assert.match(errorMessage(t, throttled), /42 秒/);
  const unknown = new ApiError(422, 'sales.credit_limit', 'Credit limit exceeded');
  assert.equal(errorMessage(t, unknown), 'Credit limit exceeded');
  assert.equal(errorMessage(t, new ApiError(0, 'network', 'fetch failed')), zhCN.errors.network);
  assert.equal(errorMessage(t, new Error('boom')), zhCN.errors.unknown);
});
