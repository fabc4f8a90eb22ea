import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TimelineEntry } from '../types.ts';
import { type SentenceHelpers, stageTranslator, timelineText } from './timeline-text.ts';

const entry = (
  type: string,
  params?: Record<string, unknown>,
  summary = 'as the server wrote it',
): TimelineEntry => ({
  id: 'x',
  occurredAt: '',
  type,
  summary,
  ref: params ? { aggregateType: type.split('.')[0], aggregateId: 'y', params } : {},
});
const zh = (names: Record<string, string>) => names['zh-CN'] ?? '';
const helpers: SentenceHelpers = {
  stageName: stageTranslator(
    [
      { id: 's1', name: { 'zh-CN': '初步接洽', en: 'Qualification' } },
      { id: 's2', name: { 'zh-CN': '需求确认', en: 'Needs analysis' } },
    ],
    zh,
  ),
  money: (amount, currency) => `${currency}|${amount}`,
};

test('a stage change names the stages in the reader’s language, by id', () => {
  const text = timelineText(
    entry('opportunity.stage_changed', {
      name: '星辰 采购',
      fromStageId: 's1',
      fromStageName: 'Qualification',
      toStageId: 's2',
      toStageName: 'Needs analysis',
    }),
    helpers,
  );
  assert.equal(text.key, 'crm.timeline.text.opportunity_stage_changed');
  assert.deepEqual(text.values, { name: '星辰 采购', from: '初步接洽', to: '需求确认' });
});

test('a stage the reader’s pipelines do not have keeps the name the server wrote', () => {
  const text = timelineText(
    entry('opportunity.stage_changed', {
      name: 'A',
      fromStageId: 'gone',
      fromStageName: 'Old stage',
      toStageId: 's2',
      toStageName: 'Needs analysis',
    }),
    helpers,
  );
  assert.deepEqual(text.values, { name: 'A', from: 'Old stage', to: '需求确认' });
});

test('a conversion with and without an opportunity', () => {
  const both = timelineText(
    entry('lead.converted', { label: '星辰', opportunityName: '星辰 采购' }),
    helpers,
  );
  assert.equal(both.key, 'crm.timeline.text.lead_converted_withOpportunity');
  assert.equal(both.values.opportunity, '星辰 采购');
  const alone = timelineText(entry('lead.converted', { label: '李雷', opportunityId: null }), helpers);
  assert.equal(alone.key, 'crm.timeline.text.lead_converted');
  assert.equal(alone.values.label, '李雷');
});

test('amounts go through the reader’s number format; activities keep their kind code', () => {
  const won = timelineText(
    entry('opportunity.won', { name: 'A', amount: '128000.00', currency: 'CNY' }),
    helpers,
  );
  assert.deepEqual(won.values, { name: 'A', amount: 'CNY|128000.00' });
  const call = timelineText(
    entry('activity.completed', { kind: 'call', subject: '报价', done: true }),
    helpers,
  );
  assert.deepEqual(call.values, { kind: 'call', subject: '报价' });
});

test('missing values, old entries and unknown types fall back to the summary', () => {
  assert.equal(timelineText(entry('opportunity.stage_changed', { name: 'A' }), helpers).key, null);
  assert.equal(timelineText(entry('activity.logged', { kind: 'call', subject: '  ' }), helpers).key, null);
  assert.equal(timelineText(entry('activity.logged'), helpers).key, null);
  assert.equal(timelineText(entry('invoice.posted', { number: '42' }), helpers).key, null);
  assert.equal(helpers.stageName(null, 'Proposal'), 'Proposal');
  assert.equal(helpers.stageName(null, null), null);
});

test('sales and warehouse documents are told with their number, amount and carrier', () => {
  const helpers = { stageName: () => null, money: (a: string, c: string) => `${c} ${a}` };
  assert.deepEqual(
    timelineText(
      entry('sales_order.confirmed', { number: 'SO-1', total: '835.07', currency: 'CNY' }),
      helpers,
    ),
    {
      key: 'crm.timeline.text.sales_order_confirmed_withAmount',
      values: { number: 'SO-1', amount: 'CNY 835.07' },
    },
  );
  assert.deepEqual(
    timelineText(entry('delivery.shipped', { number: 'DO-1', originNumber: 'SO-1' }), helpers),
    {
      key: 'crm.timeline.text.delivery_shipped',
      values: { number: 'DO-1', order: 'SO-1', carrier: '' },
    },
  );
  assert.equal(
    timelineText(entry('delivery.shipped', { number: 'DO-1', carrier: 'SF', trackingNo: '123' }), helpers)
      .key,
    'crm.timeline.text.delivery_shipped_withCarrier',
  );
  assert.equal(timelineText(entry('quote.sent', {}), helpers).key, null);
});

test('invoices, credit notes and payments are told with their number and amount', () => {
  const helpers = { stageName: () => null, money: (a: string, c: string) => `${c} ${a}` };
  assert.deepEqual(
    timelineText(
      entry('invoice.posted', {
        number: 'INV-2026-000001',
        total: '452.00',
        currency: 'CNY',
        dueDate: '2027-01-06',
      }),
      helpers,
    ),
    {
      key: 'crm.timeline.text.invoice_posted',
      values: { number: 'INV-2026-000001', amount: 'CNY 452.00', due: '2027-01-06' },
    },
  );
  assert.deepEqual(
    timelineText(
      entry('credit_note.posted', { number: 'RINV-2026-000001', total: '56.50', currency: 'CNY' }),
      helpers,
    ),
    {
      key: 'crm.timeline.text.credit_note_posted',
      values: { number: 'RINV-2026-000001', amount: 'CNY 56.50' },
    },
  );
  assert.deepEqual(
    timelineText(
      entry('payment.received', { number: 'RCV-2026-000001', amount: '100.00', currency: 'USD' }),
      helpers,
    ),
    {
      key: 'crm.timeline.text.payment_received',
      values: { number: 'RCV-2026-000001', amount: 'USD 100.00' },
    },
  );
  assert.equal(
    timelineText(entry('invoice.posted', { number: 'INV-1' }), helpers).key,
    null,
    'no amount: the summary',
  );
});
