import { Alert, Button, Checkbox, Col, DatePicker, Flex, Form, Input, Modal, Radio, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useSession } from '../../../app/auth/session.tsx';
import { CustomerSelect } from '../shared/customer-select.tsx';
import { DuplicateList } from '../shared/duplicate-list.tsx';
import type { ConvertedLead, ConvertLeadInput, DuplicateCandidate, Lead } from '../types.ts';
import { useConvertLead } from './queries.ts';

interface Values {
  mode: 'new' | 'existing';
  name?: string;
  kind?: 'company' | 'person';
  customerId?: string;
  createOpportunity: boolean;
  opportunityName?: string;
  amount?: string;
  expectedCloseDate?: Dayjs | null;
}

const MONEY = /^\d{1,16}(\.\d{1,2})?$/;

/** Convert a lead: a new customer (or an existing one), its contact, and optionally an opportunity. */
export function ConvertDialog({
  lead,
  open,
  onClose,
  onConverted,
}: {
  lead: Lead;
  open: boolean;
  onClose: () => void;
  onConverted: (result: ConvertedLead) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const convert = useConvertLead(lead.id);
  const currency = useSession().company.currency;
  const [candidates, setCandidates] = useState<DuplicateCandidate[] | null>(null);
  const mode = Form.useWatch('mode', form) ?? 'new';
  const withOpportunity = Form.useWatch('createOpportunity', form) ?? true;
  const label = lead.companyName || lead.contactName;

  const submit = async (ignoreDuplicates = false) => {
    // antd shows the field errors itself; a rejected check must not become an unhandled rejection.
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    const input: ConvertLeadInput = {
      version: lead.version,
      customer:
        values.mode === 'existing'
          ? { mode: 'existing', customerId: values.customerId as string }
          : { mode: 'new', name: values.name?.trim() || undefined, kind: values.kind, ignoreDuplicates },
      createOpportunity: values.createOpportunity,
      ...(values.createOpportunity
        ? {
            opportunity: {
              name: values.opportunityName?.trim() ?? label,
              amount: values.amount?.trim() || '0',
              currency,
              expectedCloseDate: values.expectedCloseDate
                ? values.expectedCloseDate.format('YYYY-MM-DD')
                : null,
            },
          }
        : {}),
    };
    convert.mutate(input, {
      onSuccess: (result) => {
        setCandidates(null);
        onConverted(result);
      },
      onError: (err) => {
        if (isApiError(err) && err.code === 'crm.duplicate_suspected')
          setCandidates((err.details.candidates as DuplicateCandidate[] | undefined) ?? []);
      },
    });
  };

  const attachTo = (candidate: DuplicateCandidate) => {
    form.setFieldsValue({ mode: 'existing', customerId: candidate.id });
    setCandidates(null);
  };

  return (
    <Modal
      open={open}
      title={t('crm.convert.title', { name: label })}
      onCancel={onClose}
      footer={
        <Flex justify="flex-end" gap={8} wrap>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          {candidates ? (
            <Button danger onClick={() => submit(true)} loading={convert.isPending}>
              {t('crm.duplicates.createAnyway')}
            </Button>
          ) : (
            <Button
              type="primary"
              onClick={() => submit(false)}
              loading={convert.isPending}
              data-testid="convert-submit"
            >
              {t('crm.convert.submit')}
            </Button>
          )}
        </Flex>
      }
      destroyOnHidden
      data-testid="convert-dialog"
    >
      {candidates ? (
        <Flex vertical gap={8} style={{ marginBottom: 12 }}>
          <Alert
            type="warning"
            showIcon
            title={t('crm.duplicates.suspected')}
            description={t('crm.convert.duplicateHint')}
          />
          <DuplicateList
            candidates={candidates}
            extra={(candidate) =>
              !candidate.entity || candidate.entity === 'customer' ? (
                <Button size="small" onClick={() => attachTo(candidate)}>
                  {t('crm.convert.useThis')}
                </Button>
              ) : null
            }
          />
        </Flex>
      ) : null}
      {convert.isError && !candidates ? (
        <Alert type="error" showIcon title={errorMessage(t, convert.error)} style={{ marginBottom: 12 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          mode: 'new',
          name: label,
          kind: lead.companyName ? 'company' : 'person',
          createOpportunity: true,
          opportunityName: label,
          amount: '',
        }}
        onValuesChange={() => candidates && setCandidates(null)}
      >
        <Form.Item name="mode" label={t('crm.convert.customer')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'new', label: t('crm.convert.newCustomer') },
              { value: 'existing', label: t('crm.convert.existingCustomer') },
            ]}
          />
        </Form.Item>
        {mode === 'new' ? (
          <Row gutter={12}>
            <Col xs={24} sm={16}>
              <Form.Item
                name="name"
                label={t('crm.customers.name')}
                rules={[{ required: true, whitespace: true, message: t('crm.common.required') }]}
              >
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="kind" label={t('crm.customers.kind')}>
                <Radio.Group
                  options={[
                    { value: 'company', label: t('crm.customerKind.company') },
                    { value: 'person', label: t('crm.customerKind.person') },
                  ]}
                />
              </Form.Item>
            </Col>
          </Row>
        ) : (
          <Form.Item
            name="customerId"
            label={t('crm.convert.pickCustomer')}
            rules={[{ required: true, message: t('crm.common.required') }]}
          >
            <CustomerSelect placeholder={t('crm.customers.searchPlaceholder')} />
          </Form.Item>
        )}
        <Form.Item name="createOpportunity" valuePropName="checked">
          <Checkbox data-testid="convert-with-opportunity">{t('crm.convert.withOpportunity')}</Checkbox>
        </Form.Item>
        {withOpportunity ? (
          <Row gutter={12}>
            <Col span={24}>
              <Form.Item
                name="opportunityName"
                label={t('crm.pipeline.opportunityName')}
                rules={[{ required: true, whitespace: true, message: t('crm.common.required') }]}
              >
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="amount"
                label={t('crm.pipeline.amount')}
                rules={[{ pattern: MONEY, message: t('crm.common.moneyInvalid') }]}
              >
                <Input inputMode="decimal" prefix={currency} data-testid="convert-amount" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="expectedCloseDate" label={t('crm.pipeline.expectedClose')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        ) : null}
      </Form>
    </Modal>
  );
}
