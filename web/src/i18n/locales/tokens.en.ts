// API tokens for integrations (settings/tokens).
export const apiTokensEn = {
  title: 'API tokens',
  subtitle: 'Tokens your integrations use to call the Tandem API as you, with one of your roles.',
  new: 'New token',
  create: 'Create',
  name: 'Name',
  namePlaceholder: 'e.g. web shop sync',
  scopes: 'Scopes',
  scopesHint:
    'Optional: narrow the token to these permissions (patterns like crm.* work). Empty: everything your role allows.',
  allOfRole: 'Everything your role allows',
  lastUsed: 'Last used',
  expires: 'Expires',
  never: 'Never',
  days_one: '{{count}} day',
  days_other: '{{count}} days',
  stateLabel: 'State',
  state: { active: 'Active', revoked: 'Revoked', expired: 'Expired' },
  revoke: 'Revoke',
  revokeConfirm: 'Revoke this token? Integrations using it stop working at their next request.',
  revoked: 'Token revoked',
  secretTitle: 'Your new API token',
  secretOnce: 'Copy it now: it is shown only this once.',
  usage:
    'Send it as "Authorization: Bearer <token>". Each token may make a limited number of requests a minute; beyond it the API answers 429 with Retry-After. The API reference is at /docs.',
};
