import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Select, Skeleton, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { useCompanySettings, useSaveSettings } from '../queries.ts';
import type { SettingField, SettingsSection } from '../types.ts';

/**
 * The input for one key, by the kind the server describes; nullable numbers may be left empty (off).
 * Form.Item hands its child id/value/onChange (checked for switches): passed on to the real control.
 */
function FieldInput({
  field,
  disabled,
  ...control
}: {
  field: SettingField;
  disabled: boolean;
  id?: string;
  value?: any;
  checked?: boolean;
  onChange?: (value: any) => void;
}) {
  const { t } = useTranslation();
  if (field.kind === 'boolean') return <Switch disabled={disabled} {...control} />;
  if (field.kind === 'enum')
    return (
      <Select
        {...control}
        disabled={disabled}
        style={{ maxWidth: 360 }}
        options={(field.options ?? []).map((value) => ({
          value,
          label: t(`companySettings.options.${value}`, { defaultValue: value }),
        }))}
      />
    );
  if (field.kind === 'integer' || field.kind === 'number')
    return (
      <InputNumber
        {...control}
        disabled={disabled}
        min={field.min}
        max={field.max}
        precision={field.kind === 'integer' ? 0 : undefined}
        placeholder={field.nullable ? t('companySettings.empty') : undefined}
        style={{ width: 200 }}
      />
    );
  return <Input {...control} disabled={disabled} style={{ maxWidth: 360 }} allowClear={field.nullable} />;
}

/** One module's section: its own form and save button, so saving sales does not touch inventory. */
function SectionCard({ section, version }: { section: SettingsSection; version: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const save = useSaveSettings();
  useEffect(() => form.setFieldsValue(section.values), [form, section.values]);
  const submit = (values: Record<string, unknown>) => {
    // Empty inputs of nullable keys mean "off" (null); other empty inputs keep their current value.
    const changed = Object.fromEntries(
      section.fields
        .map(
          (f) =>
            [
              f.key,
              values[f.key] === undefined || values[f.key] === ''
                ? f.nullable
                  ? null
                  : undefined
                : values[f.key],
            ] as const,
        )
        .filter(([key, value]) => value !== undefined && value !== section.values[key]),
    );
    if (Object.keys(changed).length === 0) return;
    save.mutate(
      { section: section.section, version, values: changed },
      {
        onSuccess: () => message.success(t('companySettings.saved')),
        onError: (err) => message.error(errorMessage(t, err)),
      },
    );
  };
  return (
    <Card
      title={t(`companySettings.sections.${section.section}`, { defaultValue: section.section })}
      data-testid={`settings-${section.section}`}
    >
      <Form form={form} layout="vertical" onFinish={submit} disabled={!section.editable}>
        {section.fields.map((field) => (
          <Form.Item
            key={field.key}
            name={field.key}
            label={t(`companySettings.fields.${section.section}.${field.key}`, { defaultValue: field.key })}
            valuePropName={field.kind === 'boolean' ? 'checked' : 'value'}
          >
            <FieldInput field={field} disabled={!section.editable} />
          </Form.Item>
        ))}
        {section.editable ? (
          <Button
            type="primary"
            htmlType="submit"
            loading={save.isPending}
            data-testid={`save-${section.section}`}
          >
            {t('common.save')}
          </Button>
        ) : null}
      </Form>
    </Card>
  );
}

export function CompanySettingsPage() {
  const { t } = useTranslation();
  const settings = useCompanySettings();
  return (
    <>
      <PageHeader title={t('companySettings.title')} subtitle={t('companySettings.subtitle')} />
      {settings.isError ? <Alert type="error" showIcon title={errorMessage(t, settings.error)} /> : null}
      {settings.isLoading ? <Skeleton active /> : null}
      {settings.data && !settings.data.sections.some((s) => s.editable) ? (
        <Alert type="info" showIcon title={t('companySettings.readOnly')} style={{ marginBottom: 16 }} />
      ) : null}
      <Flex vertical gap={16}>
        {settings.data?.sections.map((section) => (
          <SectionCard key={section.section} section={section} version={settings.data.version} />
        ))}
      </Flex>
    </>
  );
}
