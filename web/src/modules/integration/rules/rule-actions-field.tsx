import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../i18n/localized.ts';
import { useRoles, useUserOptions } from '../../settings/queries.ts';
import type { ActionType } from './types.ts';

const ASYNC_TYPES: ActionType[] = ['notify', 'create_task', 'call_webhook'];

/** The rule's actions: a card per action whose fields follow its type. */
export function RuleActionsField({ synchronous }: { synchronous: boolean }) {
  const { t } = useTranslation();
  const local = useLocalized();
  const roles = useRoles();
  const users = useUserOptions();
  const roleOptions = (roles.data?.items ?? []).map((r) => ({
    value: r.code,
    label: `${local(r.name)} (${r.code})`,
  }));
  const types: ActionType[] = synchronous ? ['require_approval'] : ASYNC_TYPES;
  const required = [{ required: true, message: t('rules.required') }];
  return (
    <Form.List name="actions">
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((field) => (
            <Card key={field.key} size="small" data-testid="rule-action">
              <Flex gap={8} align="flex-start">
                <Form.Item name={[field.name, 'type']} rules={required} style={{ flex: 1, marginBottom: 8 }}>
                  <Select options={types.map((v) => ({ value: v, label: t(`rules.action.${v}`) }))} />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('rules.removeAction')}
                />
              </Flex>
              <Form.Item noStyle shouldUpdate>
                {(form) => {
                  const type = form.getFieldValue(['actions', field.name, 'type']) as ActionType;
                  if (type === 'notify')
                    return (
                      <>
                        <Form.Item name={[field.name, 'roles']} label={t('rules.roles')}>
                          <Select mode="multiple" options={roleOptions} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'userIds']} label={t('rules.users')}>
                          <Select mode="multiple" options={users.data ?? []} optionFilterProp="label" />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'message']}
                          label={t('rules.message')}
                          extra={t('rules.templateHint')}
                        >
                          <Input maxLength={500} />
                        </Form.Item>
                      </>
                    );
                  if (type === 'create_task')
                    return (
                      <>
                        <Form.Item
                          name={[field.name, 'assigneeUserId']}
                          label={t('rules.assignee')}
                          rules={required}
                        >
                          <Select showSearch options={users.data ?? []} optionFilterProp="label" />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'subject']}
                          label={t('rules.subject')}
                          rules={required}
                          extra={t('rules.templateHint')}
                        >
                          <Input maxLength={200} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'dueInDays']} label={t('rules.dueInDays')}>
                          <InputNumber min={0} max={365} />
                        </Form.Item>
                      </>
                    );
                  if (type === 'require_approval')
                    return (
                      <Form.Item
                        name={[field.name, 'roleCode']}
                        label={t('rules.approverRole')}
                        rules={required}
                      >
                        <Select options={roleOptions} />
                      </Form.Item>
                    );
                  if (type === 'call_webhook')
                    return (
                      <Form.Item
                        name={[field.name, 'webhookId']}
                        label={t('rules.webhookId')}
                        rules={required}
                      >
                        <Input />
                      </Form.Item>
                    );
                  return null;
                }}
              </Form.Item>
            </Card>
          ))}
          {fields.length < 10 ? (
            <Button
              icon={<PlusOutlined />}
              onClick={() =>
                add(
                  synchronous
                    ? { type: 'require_approval' }
                    : { type: 'notify', roles: [], userIds: [], message: '' },
                )
              }
            >
              {t('rules.addAction')}
            </Button>
          ) : null}
        </Flex>
      )}
    </Form.List>
  );
}
