import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  Popconfirm,
  Row,
  Select,
  Skeleton,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/client.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useDeleteRule, useRule, useRuleEventTypes, useSaveRule } from './queries.ts';
import { RuleActionsField } from './rule-actions-field.tsx';
import { RuleRuns } from './rule-runs.tsx';
import { RuleTestPanel } from './rule-test-panel.tsx';
import type { RuleInput } from './types.ts';

const EMPTY: RuleInput = { name: '', eventType: '', condition: '', actions: [], enabled: true };

/** Create or edit a trigger rule: event, condition with field hints and inline errors, actions; test and run log. */
export function RuleEditorPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id } = useParams();
  const ruleId = id === 'new' ? undefined : id;
  const rule = useRule(ruleId);
  const eventTypes = useRuleEventTypes();
  const save = useSaveRule();
  const remove = useDeleteRule();
  const canManage = useHasPermission('integration.rule.manage');
  const [form] = Form.useForm<RuleInput>();
  const eventType = Form.useWatch('eventType', form);
  const [conditionError, setConditionError] = useState<string | null>(null);
  const info = useMemo(
    () => eventTypes.data?.find((e) => e.eventType === eventType),
    [eventTypes.data, eventType],
  );

  useEffect(() => {
    if (rule.data) form.setFieldsValue(rule.data);
  }, [rule.data, form]);

  if (ruleId && rule.isPending) return <Skeleton active />;
  if (rule.isError) return <Alert type="warning" showIcon title={errorMessage(t, rule.error)} />;

  const insertField = (name: string) => {
    const current = form.getFieldValue('condition') ?? '';
    form.setFieldValue('condition', current ? `${current} && ${name}` : name);
  };
  const submit = (values: RuleInput) => {
    setConditionError(null);
    save.mutate(
      { id: ruleId, version: rule.data?.version, body: { ...values, condition: values.condition ?? '' } },
      {
        onSuccess: (saved) => {
          message.success(t('rules.saved'));
          if (!ruleId) navigate(`/integration/rules/${saved.id}`, { replace: true });
        },
        onError: (err) => {
          if (isApiError(err) && err.code === 'integration.rule.bad_condition')
            setConditionError(
              t('rules.conditionError', {
                problem: String(err.details.problem ?? err.message),
                position: Number(err.details.position ?? 0) + 1,
              }),
            );
          else message.error(errorMessage(t, err));
        },
      },
    );
  };
  return (
    <>
      <Link to="/integration/rules" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('rules.backToList')}
      </Link>
      <PageHeader
        title={ruleId ? (rule.data?.name ?? '') : t('rules.new')}
        subtitle={rule.data?.builtIn ? <Tag>{t('rules.builtIn')}</Tag> : null}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card>
            <Form<RuleInput>
              form={form}
              layout="vertical"
              initialValues={EMPTY}
              onFinish={submit}
              disabled={!canManage}
            >
              <Form.Item
                name="name"
                label={t('rules.name')}
                rules={[{ required: true, message: t('rules.required') }]}
              >
                <Input maxLength={120} />
              </Form.Item>
              <Form.Item
                name="eventType"
                label={t('rules.event')}
                rules={[{ required: true, message: t('rules.required') }]}
              >
                <Select
                  showSearch
                  loading={eventTypes.isPending}
                  options={(eventTypes.data ?? []).map((e) => ({
                    value: e.eventType,
                    label: `${e.eventType}${e.synchronous ? ` — ${t('rules.synchronous')}` : ''}`,
                  }))}
                  onChange={(value) => {
                    const sync = eventTypes.data?.find((e) => e.eventType === value)?.synchronous;
                    form.setFieldValue('actions', sync ? [{ type: 'require_approval' }] : []);
                  }}
                  data-testid="rule-event"
                />
              </Form.Item>
              {info?.synchronous ? (
                <Alert type="info" showIcon title={t('rules.synchronousHint')} style={{ marginBottom: 12 }} />
              ) : null}
              <Form.Item
                name="condition"
                label={t('rules.condition')}
                extra={t('rules.conditionHint')}
                validateStatus={conditionError ? 'error' : undefined}
                help={conditionError ?? undefined}
              >
                <Input.TextArea
                  rows={3}
                  maxLength={2000}
                  spellCheck={false}
                  style={{ fontFamily: 'monospace' }}
                  placeholder='amount > 100000 && currency == "CNY"'
                  onChange={() => setConditionError(null)}
                  data-testid="rule-condition"
                />
              </Form.Item>
              {info ? (
                <Flex gap={4} wrap style={{ marginBottom: 16 }} data-testid="rule-fields">
                  <Typography.Text type="secondary">{t('rules.fields')}</Typography.Text>
                  {info.fields.map((f) => (
                    <Tag key={f.name} style={{ cursor: 'pointer' }} onClick={() => insertField(f.name)}>
                      {f.name}: {t(`rules.type.${f.type}`)}
                      {f.optional ? '?' : ''}
                    </Tag>
                  ))}
                </Flex>
              ) : null}
              <Typography.Title level={5}>{t('rules.actions')}</Typography.Title>
              <RuleActionsField synchronous={Boolean(info?.synchronous)} />
              <Form.Item
                name="enabled"
                label={t('rules.enabled')}
                valuePropName="checked"
                style={{ marginTop: 16 }}
              >
                <Switch />
              </Form.Item>
              <Flex gap={8} wrap>
                <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="rule-save">
                  {t('common.save')}
                </Button>
                {ruleId && rule.data && !rule.data.builtIn ? (
                  <Popconfirm
                    title={t('rules.deleteConfirm')}
                    onConfirm={() =>
                      remove.mutate(rule.data, {
                        onSuccess: () => navigate('/integration/rules'),
                        onError: (err) => message.error(errorMessage(t, err)),
                      })
                    }
                  >
                    <Button danger loading={remove.isPending}>
                      {t('rules.delete')}
                    </Button>
                  </Popconfirm>
                ) : null}
              </Flex>
            </Form>
          </Card>
        </Col>
        {ruleId && rule.data ? (
          <Col xs={24} lg={10}>
            <Card title={t('rules.test.title')} size="small">
              {canManage ? (
                <RuleTestPanel
                  key={rule.data.eventType}
                  ruleId={ruleId}
                  fields={eventTypes.data?.find((e) => e.eventType === rule.data.eventType)?.fields ?? []}
                />
              ) : null}
            </Card>
          </Col>
        ) : null}
        {ruleId ? (
          <Col xs={24}>
            <Card title={t('rules.runs.title')} size="small">
              <RuleRuns ruleId={ruleId} />
            </Card>
          </Col>
        ) : null}
      </Row>
    </>
  );
}
