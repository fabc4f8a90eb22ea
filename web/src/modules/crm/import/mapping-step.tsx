import { Alert, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { useLocalized } from '../../../i18n/localized.ts';
import { type ImportTemplate, useTemplate } from './queries.ts';

/** Columns the file must have that nothing is mapped to yet. */
export function missingRequired(
  template: ImportTemplate | undefined,
  mapping: Record<string, string>,
): string[] {
  const mapped = new Set(Object.values(mapping));
  return (template?.columns ?? [])
    .filter((column) => column.required && !mapped.has(column.key))
    .map((column) => column.key);
}

/** Step 2: which column of the file goes where (CSV); XLSX headers are matched by name on the server. */
export function MappingStep({
  entity,
  headers,
  mapping,
  onChange,
}: {
  entity: string;
  headers: string[] | null;
  mapping: Record<string, string>;
  onChange: (mapping: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const template = useTemplate(entity);
  if (template.isError) return <Alert type="error" showIcon title={errorMessage(t, template.error)} />;
  if (headers === null) return <Alert type="info" showIcon title={t('crm.import.xlsxAutoMap')} />;
  const columns = template.data?.columns ?? [];
  const missing = missingRequired(template.data, mapping);
  const options = [
    { value: '', label: t('crm.import.ignoreColumn') },
    ...columns.map((column) => ({
      value: column.key,
      label: `${pick(column.label)}${column.required ? ' *' : ''}`,
    })),
  ];

  return (
    <>
      {missing.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('crm.import.missingRequired', {
            columns: missing
              .map((key) => pick(columns.find((column) => column.key === key)?.label) || key)
              .join(', '),
          })}
        />
      ) : null}
      <Table
        rowKey="header"
        size="small"
        loading={template.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={headers.map((header) => ({ header }))}
        data-testid="import-mapping"
        columns={[
          {
            title: t('crm.import.fileColumn'),
            dataIndex: 'header',
            render: (header: string) => <Typography.Text code>{header}</Typography.Text>,
          },
          {
            title: t('crm.import.field'),
            dataIndex: 'header',
            key: 'field',
            render: (header: string) => (
              <Select
                value={mapping[header] ?? ''}
                options={options}
                onChange={(key) => onChange({ ...mapping, [header]: key })}
                style={{ minWidth: 200 }}
              />
            ),
          },
          {
            title: '',
            key: 'state',
            render: (_: unknown, row: { header: string }) =>
              mapping[row.header] ? (
                <Tag color="green">{t('crm.import.mapped')}</Tag>
              ) : (
                <Tag>{t('crm.import.ignored')}</Tag>
              ),
          },
        ]}
      />
    </>
  );
}
