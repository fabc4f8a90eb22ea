import { sql } from 'drizzle-orm';
import { loadActor } from '../../../platform/auth/load-actor.ts';
import { rows, type Tx } from '../../../platform/db/tx.ts';
import type { DemoContext } from '../../../platform/demo/seed.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { ActivityInput } from '../activity/contract.ts';
import { logActivity } from '../activity/log-activity.ts';
import { ContactInput } from '../contact/contract.ts';
import { createContact } from '../contact/create-contact.ts';
import { CustomerInput } from '../customer/contract.ts';
import { createCustomer } from '../customer/create-customer.ts';
import { nameKey } from '../customer/normalize.ts';
import { LeadInput } from '../lead/contract.ts';
import { createLead } from '../lead/create-lead.ts';
import { MoveInput, OpportunityInput } from '../opportunity/contract.ts';
import { createOpportunity } from '../opportunity/create-opportunity.ts';
import { moveOpportunity } from '../opportunity/move-opportunity.ts';
import { demoUscc } from './tax-ids.ts';

/** A small deterministic generator, so every demo company looks the same. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return {
    next,
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)],
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
  };
}

const CITIES = [
  ['上海', 'CN-SH'],
  ['北京', 'CN-BJ'],
  ['深圳', 'CN-GD'],
  ['广州', 'CN-GD'],
  ['杭州', 'CN-ZJ'],
  ['苏州', 'CN-JS'],
  ['南京', 'CN-JS'],
  ['成都', 'CN-SC'],
  ['武汉', 'CN-HB'],
  ['厦门', 'CN-FJ'],
  ['青岛', 'CN-SD'],
  ['宁波', 'CN-ZJ'],
] as const;
const BRANDS = [
  '星辰',
  '华夏',
  '远航',
  '恒信',
  '瑞丰',
  '金桥',
  '宏达',
  '博远',
  '嘉禾',
  '东方',
  '新锐',
  '汇通',
  '天成',
  '鼎盛',
  '佳美',
  '明德',
];
const TRADES = [
  ['贸易', 'wholesale'],
  ['电子科技', 'it'],
  ['机械制造', 'manufacturing'],
  ['建材', 'construction'],
  ['物流', 'services'],
  ['包装材料', 'manufacturing'],
  ['医疗器械', 'wholesale'],
  ['餐饮管理', 'services'],
] as const;
const FORMS = ['有限公司', '股份有限公司', '有限责任公司'];
const EN_COMPANIES = [
  'Pacific Rim Imports Ltd.',
  'Northwind Traders LLC',
  'Blue Harbor Foods Inc.',
  'Alpine Tools GmbH',
  'Maple Leaf Packaging Co.',
  'Sunrise Medical Supply Ltd.',
  'Harborview Logistics Pte. Ltd.',
  'Greenfield Agritech Inc.',
];
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '磊',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '海燕',
];
const EN_NAMES = [
  'Olivia Smith',
  'James Brown',
  'Emma Wilson',
  'Liam Taylor',
  'Sophia Martin',
  'Noah Clark',
  'Mia Walker',
  'Lucas Young',
];
const TITLES = [
  '采购经理',
  '总经理',
  '财务主管',
  '技术总监',
  '行政主管',
  'Purchasing Manager',
  'Operations Director',
];
const PRODUCTS = [
  '工业传感器',
  '包装纸箱',
  '不锈钢阀门',
  'LED 显示屏',
  '办公耗材',
  'Industrial sensors',
  'Packaging film',
];

function phone(r: ReturnType<typeof random>): string {
  return `+86 1${r.pick(['38', '39', '50', '58', '86', '88'])}${String(r.int(10000000, 99999999))}`;
}

async function actorOf(tx: Tx, ctx: DemoContext, key: string): Promise<Actor> {
  const actor = await loadActor(tx, { userId: ctx.users[key], companyId: ctx.companyId });
  if (!actor) throw new Error(`demo user ${key} missing`);
  return { ...actor, reason: 'demo data' };
}

/** The demo company's CRM: ~120 customers with contacts, leads, opportunities across the pipeline, activities. */
export async function seedCrmDemo(tx: Tx, ctx: DemoContext): Promise<void> {
  const r = random(20261123);
  const sellers = ['sales', 'sales2', 'sales.manager'];
  const actors: Record<string, Actor> = {};
  for (const key of sellers) actors[key] = await actorOf(tx, ctx, key);
  const customers: Array<{ id: string; owner: string; contactId: string | null }> = [];
  const names = new Set<string>();
  for (let i = 0; customers.length < 120 && i < 400; i++) {
    const english = i % 10 === 9;
    const [city, region] = r.pick(CITIES);
    const [trade, industry] = r.pick(TRADES);
    const name = english
      ? `${r.pick(EN_COMPANIES).replace(/ (Ltd\.|LLC|Inc\.|GmbH|Co\.|Pte\. Ltd\.)$/, '')} ${i} ${r.pick(['Ltd.', 'Inc.', 'LLC'])}`
      : `${city}${r.pick(BRANDS)}${trade}${r.pick(FORMS)}`;
    // Two names that differ only in the company form (有限公司 / 股份有限公司) are one company to crm.
    if (names.has(nameKey(name))) continue;
    names.add(nameKey(name));
    const ownerKey = r.pick(sellers);
    const actor = actors[ownerKey];
    const created = await createCustomer(
      tx,
      actor,
      CustomerInput.parse({
        name,
        taxId: english
          ? `EIN 84-${String(customers.length).padStart(7, '0')}`
          : demoUscc(1, customers.length),
        industryCode: industry,
        sourceCode: r.pick(['web', 'referral', 'exhibition', 'cold_call', 'wechat']),
        tags: r.next() < 0.3 ? ['VIP'] : r.next() < 0.5 ? ['重点客户'] : [],
        status: r.pick(['prospect', 'active', 'active', 'active', 'dormant']),
        creditLimit: String(r.int(5, 200) * 10000),
        addresses: [
          {
            kind: 'billing',
            isDefault: true,
            countryCode: english ? 'US' : 'CN',
            regionCode: english ? null : region,
            city: english ? 'Los Angeles' : city,
            line1: english
              ? `${r.int(10, 999)} Harbor Blvd`
              : `${city}市${r.pick(['人民路', '中山路', '解放路', '建设路'])}${r.int(1, 999)}号`,
          },
        ],
        ignoreDuplicates: true,
      }),
    );
    let contactId: string | null = null;
    const people = new Set<string>();
    for (let c = 0; c < r.int(1, 2); c++) {
      // The same person twice at one customer would be a duplicate contact: take the next free name.
      const picked = english ? r.pick(EN_NAMES) : [r.pick(SURNAMES), r.pick(GIVEN)];
      const person = (k: number) =>
        typeof picked === 'string'
          ? EN_NAMES[(EN_NAMES.indexOf(picked) + k) % EN_NAMES.length]
          : `${picked[0]}${GIVEN[(GIVEN.indexOf(picked[1]) + k) % GIVEN.length]}`;
      let k = 0;
      while (people.has(person(k))) k++;
      people.add(person(k));
      const contact = await createContact(
        tx,
        actor,
        ContactInput.parse({
          customerId: created.id,
          name: person(k),
          title: r.pick(TITLES),
          phones: [phone(r)],
          email: `contact${customers.length}_${c}@example.com`,
          wechat: r.next() < 0.6 ? `wx_${customers.length}_${c}` : undefined,
          preferredChannel: r.pick(['phone', 'wechat', 'email']),
          ignoreDuplicates: true,
        }),
      );
      contactId ??= contact.id;
    }
    customers.push({ id: created.id, owner: ownerKey, contactId });
  }

  const stages = await rows<{ id: string; sort: number; outcome: string }>(
    tx,
    sql`select s.id, s.sort, s.outcome from crm_stage s join crm_pipeline p on p.company_id = s.company_id and p.id = s.pipeline_id
         where s.company_id = ${ctx.companyId} and p.is_default order by s.sort`,
  );
  for (let i = 0; i < 60; i++) {
    const customer = customers[(i * 7) % customers.length];
    const actor = actors[customer.owner];
    const opp = await createOpportunity(
      tx,
      actor,
      OpportunityInput.parse({
        name: `${r.pick(PRODUCTS)} ${r.pick(['年度采购', '试单', '扩容项目', 'Q1 order', 'renewal'])}`,
        customerId: customer.id,
        contactId: customer.contactId,
        amount: `${r.int(2, 300) * 1000}.00`,
        expectedCloseDate: `2027-0${r.int(1, 6)}-${String(r.int(1, 28)).padStart(2, '0')}`,
        competitor: r.next() < 0.3 ? r.pick(['金蝶', '用友', 'Local distributor']) : '',
        nextStep: r.pick(['发送报价', '安排拜访', 'Send samples', '技术交流']),
      }),
    );
    const target = stages[Math.min(stages.length - 1, r.int(0, stages.length - 1))];
    if (target && target.id !== opp.stageId) {
      await moveOpportunity(
        tx,
        actor,
        opp.id,
        MoveInput.parse({
          version: opp.version,
          stageId: target.id,
          lostReasonCode: target.outcome === 'lost' ? r.pick(['price', 'competitor', 'timing']) : undefined,
        }),
      );
    }
  }

  for (let i = 0; i < 150; i++) {
    const customer = customers[(i * 11) % customers.length];
    const actor = actors[customer.owner];
    const kind = r.pick(['call', 'meeting', 'visit', 'note', 'task'] as const);
    const days = r.int(-30, 14);
    const at = new Date(Date.now() + days * 86_400_000).toISOString();
    await logActivity(
      tx,
      actor,
      ActivityInput.parse({
        kind,
        subject: r.pick([
          '电话回访',
          '上门拜访',
          '发送报价单',
          '确认交期',
          'Follow-up call',
          'Demo meeting',
          '催款提醒',
        ]),
        body: r.pick(['客户对价格比较敏感。', '需要下周再跟进。', 'Asked for a discount on volume.', '']),
        customerId: customer.id,
        contactId: customer.contactId,
        startsAt: kind === 'meeting' || kind === 'visit' || kind === 'call' ? at : null,
        dueAt: kind === 'task' ? at : null,
        done: days < 0 && kind !== 'task',
      }),
    );
  }

  const forms = ['官网询价', 'Website enquiry'];
  for (let i = 0; i < 40; i++) {
    const actor = actors[r.pick(sellers)];
    const [city, region] = r.pick(CITIES);
    await createLead(
      tx,
      actor,
      LeadInput.parse({
        companyName:
          i % 8 === 7 ? `${r.pick(EN_COMPANIES)}` : `${city}${r.pick(BRANDS)}${r.pick(TRADES)[0]}公司`,
        contactName: i % 8 === 7 ? r.pick(EN_NAMES) : `${r.pick(SURNAMES)}${r.pick(GIVEN)}`,
        phone: phone(r),
        email: `lead${i}@example.com`,
        regionCode: region,
        sourceCode: r.pick(['web', 'exhibition', 'referral', 'wechat']),
        message: `${r.pick(forms)}：${r.pick(PRODUCTS)}，${r.int(1, 50) * 100} 件`,
      }),
    );
  }
}
