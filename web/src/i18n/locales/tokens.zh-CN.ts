import type { apiTokensEn } from './tokens.en.ts';

type Leaves<T> = { [K in keyof T]: T[K] extends string ? string : Leaves<T[K]> };

export const apiTokensZhCN: Leaves<typeof apiTokensEn> = {
  title: 'API 令牌',
  subtitle: '外部系统以您的身份、按您的某个角色调用 Tandem API 时使用的令牌。',
  new: '新建令牌',
  create: '创建',
  name: '名称',
  namePlaceholder: '例如：网店同步',
  scopes: '权限范围',
  scopesHint: '可选：把令牌限制在这些权限内（可用 crm.* 这类通配）。留空：与您的角色相同。',
  allOfRole: '与角色权限相同',
  lastUsed: '最近使用',
  expires: '有效期至',
  never: '永不',
  days_one: '{{count}} 天',
  days_other: '{{count}} 天',
  stateLabel: '状态',
  state: { active: '有效', revoked: '已吊销', expired: '已过期' },
  revoke: '吊销',
  revokeConfirm: '吊销此令牌？使用它的集成将在下一次请求时失效。',
  revoked: '令牌已吊销',
  secretTitle: '新的 API 令牌',
  secretOnce: '请立即复制：令牌只显示这一次。',
  usage:
    '请以 "Authorization: Bearer <令牌>" 发送。每个令牌每分钟的请求数有上限，超出时 API 返回 429 并附 Retry-After。API 文档见 /docs。',
};
