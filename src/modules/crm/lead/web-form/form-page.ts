import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { one } from '../../../../platform/db/tx.ts';
import { FORM_KEY } from './contract.ts';

// The hosted page of a web form: server-rendered, no external assets, every interpolated value
// escaped. Its script and style are constants (the texts travel in data- attributes), so the page's
// own Content-Security-Policy allows exactly them by hash and nothing else. It shows nothing of the
// company: the form's name is internal.

type Lang = 'zh-CN' | 'en';

const TEXT: Record<Lang, Record<string, string>> = {
  'zh-CN': {
    title: '联系我们',
    intro: '留下您的联系方式，我们会尽快与您联系。',
    companyName: '公司名称',
    contactName: '您的姓名',
    phone: '电话',
    email: '邮箱',
    region: '地区代码（如 CN-SH，可不填）',
    message: '留言',
    honeypot: '请勿填写此项',
    submit: '提交',
    sending: '提交中…',
    thanks: '谢谢！我们会尽快与您联系。',
    needContact: '请留下电话或邮箱。',
    tooMany: '提交过于频繁，请稍后再试。',
    failed: '提交失败，请检查填写的内容后重试。',
    noScript: '请启用 JavaScript 后提交。',
    missing: '此表单不可用。',
  },
  en: {
    title: 'Contact us',
    intro: 'Leave your details and we will get back to you shortly.',
    companyName: 'Company',
    contactName: 'Your name',
    phone: 'Phone',
    email: 'Email',
    region: 'Region code (e.g. CN-SH, optional)',
    message: 'Message',
    honeypot: 'Leave this field empty',
    submit: 'Send',
    sending: 'Sending…',
    thanks: 'Thank you! We will contact you soon.',
    needContact: 'Please leave a phone number or an email address.',
    tooMany: 'Too many submissions; please try again later.',
    failed: 'That did not work; please check the fields and try again.',
    noScript: 'Please enable JavaScript to send the form.',
    missing: 'This form is not available.',
  },
};

const SCRIPT = `(function () {
  var form = document.getElementById('lead-form');
  var status = document.getElementById('status');
  var d = form.dataset;
  var say = function (text, kind) { status.textContent = text; status.className = kind; };
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var body = {};
    ['companyName', 'contactName', 'phone', 'email', 'region', 'message', 'website'].forEach(function (name) {
      var value = form.elements[name].value.trim();
      if (value || name === 'contactName') body[name] = value;
    });
    if (!body.phone && !body.email) return say(d.needContact, 'error');
    var button = form.querySelector('button');
    button.disabled = true;
    say(d.sending, '');
    fetch(d.action, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (res) {
        if (res.status === 202) { form.reset(); form.hidden = true; return say(d.thanks, 'ok'); }
        say(res.status === 429 ? d.tooMany : d.failed, 'error');
      })
      .catch(function () { say(d.failed, 'error'); })
      .then(function () { button.disabled = false; });
  });
})();`;

const STYLE = `body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f5f6f8;color:#1f2329}
main{max-width:32rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.08)}
h1{font-size:1.4rem;margin:0 0 .5rem}label{display:block;margin:.8rem 0 .2rem;font-size:.9rem}
input,textarea{box-sizing:border-box;width:100%;padding:.5rem;border:1px solid #c9cdd4;border-radius:4px;font:inherit}
button{margin-top:1rem;padding:.6rem 1.4rem;border:0;border-radius:4px;background:#1677ff;color:#fff;font:inherit;cursor:pointer}
button:disabled{opacity:.6}.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
#status{margin-top:1rem}.ok{color:#237804}.error{color:#cf1322}`;

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const CSP = [
  "default-src 'none'",
  `script-src ${hash(SCRIPT)}`,
  `style-src ${hash(STYLE)}`,
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/** zh-CN when the browser prefers Chinese over English, else English. */
export function pickLanguage(acceptLanguage: string | undefined): Lang {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag, q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((l) => l.q > 0 && (l.tag.startsWith('zh') || l.tag.startsWith('en')))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.tag.startsWith('zh') ? 'zh-CN' : 'en';
}

export function renderFormPage(lang: Lang, key: string | null): string {
  const t = TEXT[lang];
  const e = escapeHtml;
  const field = (name: string, label: string, type: string, extra = '') =>
    `<label for="${name}">${e(label)}</label><input id="${name}" name="${name}" type="${type}" ${extra}>`;
  const body = key
    ? `<p>${e(t.intro)}</p>
<form id="lead-form" novalidate data-action="/api/v1/public/forms/${e(encodeURIComponent(key))}"
 data-sending="${e(t.sending)}" data-thanks="${e(t.thanks)}" data-need-contact="${e(t.needContact)}"
 data-too-many="${e(t.tooMany)}" data-failed="${e(t.failed)}">
${field('contactName', `${t.contactName} *`, 'text', 'required maxlength="100" autocomplete="name"')}
${field('companyName', t.companyName, 'text', 'maxlength="200" autocomplete="organization"')}
${field('phone', t.phone, 'tel', 'maxlength="40" autocomplete="tel"')}
${field('email', t.email, 'email', 'maxlength="254" autocomplete="email"')}
${field('region', t.region, 'text', 'maxlength="12"')}
<label for="message">${e(t.message)}</label><textarea id="message" name="message" rows="4" maxlength="2000"></textarea>
<div class="hp" aria-hidden="true"><label for="website">${e(t.honeypot)}</label><input id="website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
<button type="submit">${e(t.submit)}</button>
</form>
<noscript><p>${e(t.noScript)}</p></noscript>
<p id="status" role="status" aria-live="polite"></p>
<script>${SCRIPT}</script>`
    : `<p>${e(t.missing)}</p>`;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${e(t.title)}</title><style>${STYLE}</style></head>
<body><main><h1>${e(t.title)}</h1>
${body}
</main></body></html>
`;
}

/** `GET /forms/:key`: the page a visitor fills in (404 page for an unknown or inactive key). */
export function formPageRoute(app: FastifyInstance): void {
  app.get('/forms/:key', { schema: { hide: true } }, async (req, reply) => {
    const { key } = req.params as { key: string };
    const known =
      FORM_KEY.test(key) &&
      Boolean(
        await one(req.server.tandem.db.orm, sql`select 1 from crm_web_form where key = ${key} and active`),
      );
    reply
      .status(known ? 200 : 404)
      .header('content-security-policy', CSP)
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .type('text/html; charset=utf-8');
    return renderFormPage(pickLanguage(req.headers['accept-language']), known ? key : null);
  });
}
