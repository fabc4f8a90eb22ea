import { Alert, Button, Flex, Input, List, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { useTestRule } from './queries.ts';
import type { EventField } from './types.ts';

function sampleOf(fields: EventField[]): string {
  const sample: Record<string, unknown> = {};
  for (const f of fields.filter((x) => !x.name.includes('.'))) {
    if (f.type === 'number') sample[f.name] = 0;
    else if (f.type === 'decimal') sample[f.name] = '0.00';
    else if (f.type === 'boolean') sample[f.name] = false;
    else if (f.type === 'list') sample[f.name] = [];
    else if (f.type === 'object') sample[f.name] = {};
    else sample[f.name] = f.choices?.[0] ?? '';
  }
  return JSON.stringify(sample, null, 2);
}

/** The test button: the saved rule on a sample payload or a recent event; shows what would happen. */
export function RuleTestPanel({ ruleId, fields }: { ruleId: string; fields: EventField[] }) {
  const { t } = useTranslation();
  const test = useTestRule(ruleId);
  const [mode, setMode] = useState<'payload' | 'event'>('payload');
  const [payload, setPayload] = useState(() => sampleOf(fields));
  const [eventId, setEventId] = useState('');
  const [badJson, setBadJson] = useState(false);
  const run = () => {
    if (mode === 'event') return test.mutate({ eventId: eventId.trim() });
    try {
      const parsed = JSON.parse(payload);
      setBadJson(false);
      test.mutate({ payload: parsed });
    } catch {
      setBadJson(true);
    }
  };
  const result = test.data;
  return (
    <Flex vertical gap={8} data-testid="rule-test">
      <Segmented
        value={mode}
        onChange={(v) => setMode(v as 'payload' | 'event')}
        options={[
          { value: 'payload', label: t('rules.test.samplePayload') },
          { value: 'event', label: t('rules.test.recentEvent') },
        ]}
      />
      {mode === 'payload' ? (
        <Input.TextArea
          rows={8}
          value={payload}
          onChange={(e) => setPayload(e.target.value)}
          spellCheck={false}
          style={{ fontFamily: 'monospace' }}
        />
      ) : (
        <Input
          placeholder={t('rules.test.eventId')}
          value={eventId}
          onChange={(e) => setEventId(e.target.value)}
        />
      )}
      {badJson ? <Alert type="error" showIcon title={t('rules.test.badJson')} /> : null}
      <Button onClick={run} loading={test.isPending} data-testid="rule-test-run">
        {t('rules.test.run')}
      </Button>
      {test.isError ? <Alert type="error" showIcon title={errorMessage(t, test.error)} /> : null}
      {result ? (
        <Alert
          data-testid="rule-test-result"
          type={result.error ? 'error' : result.matched ? 'success' : 'info'}
          showIcon
          title={
            result.error
              ? t('rules.test.error', { message: result.error.message })
              : result.matched
                ? t('rules.test.matched')
                : t('rules.test.notMatched')
          }
          description={
            result.actions.length ? (
              <List
                size="small"
                dataSource={result.actions}
                renderItem={(a) => (
                  <List.Item>
                    <Typography.Text>{a.description}</Typography.Text>
                  </List.Item>
                )}
              />
            ) : null
          }
        />
      ) : null}
    </Flex>
  );
}
