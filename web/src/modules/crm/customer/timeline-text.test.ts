import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TimelineEntry } from '../types.ts';
import { stageTranslator, timelineText } from './timeline-text.ts';

const entry = (type: string, summary: string): TimelineEntry => ({ id: 'x', occurredAt: '', type, summary });
const zh = (names: Record<string, string>) => names['zh-CN'] ?? '';
const stages = stageTranslator(
  [
    { name: { 'zh-CN': '初步接洽', en: 'Qualification' } },
    { name: { 'zh-CN': '需求确认', en: 'Needs analysis' } },
  ],
  zh,
);

test('a stage change names the stages in the reader’s language', () => {
  const text = timelineText(
    entry('opportunity.stage_changed', 'Opportunity 星辰 采购: Qualification → Needs analysis'),
    stages,
  );
  assert.equal(text.key, 'crm.timeline.text.opportunity_stage_changed');
  assert.deepEqual(text.values, { name: '星辰 采购', from: '初步接洽', to: '需求确认' });
});

test('a conversion with and without an opportunity', () => {
  const both = timelineText(
    entry('lead.converted', 'Lead 星辰 converted with opportunity 星辰 采购'),
    stages,
  );
  assert.equal(both.key, 'crm.timeline.text.lead_converted_withOpportunity');
  assert.equal(both.values.opportunity, '星辰 采购');
  const alone = timelineText(entry('lead.converted', 'Lead 李雷 converted'), stages);
  assert.equal(alone.key, 'crm.timeline.text.lead_converted');
  assert.equal(alone.values.label, '李雷');
});

test('activities keep their kind; unknown shapes and types fall back to the summary', () => {
  const call = timelineText(entry('activity.completed', 'Call done: 报价'), stages);
  assert.deepEqual(call.values, { kind: 'call', subject: '报价' });
  assert.equal(timelineText(entry('opportunity.stage_changed', 'moved'), stages).key, null);
  assert.equal(timelineText(entry('invoice.posted', 'Invoice 42 posted'), stages).key, null);
  assert.equal(stages('Proposal'), 'Proposal');
});
