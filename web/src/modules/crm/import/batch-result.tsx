import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Flex, Progress, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { type ImportBatch, type RowError, useRowErrors } from './queries.ts';

const isDuplicate = (code: string) => code.includes('duplicate');

/** How far an import has got, as a bar. */
export function ImportProgress({
  batch,
}: {
  batch: Pick<ImportBatch, 'processedRows' | 'totalRows' | 'status'> | undefined;
}) {
  const total = batch?.totalRows ?? 0;
  const percent = total > 0 ? Math.floor(((batch?.processedRows ?? 0) / total) * 100) : 0;
  return (
    <Progress
      percent={batch?.status === 'done' ? 100 : percent}
      status={batch?.status === 'failed' ? 'exception' : batch?.status === 'done' ? 'success' : 'active'}
      data-testid="import-progress"
    />
  );
}

/** Counts, per-row errors (duplicates flagged) and the error CSV of a dry run or an import. */
export function BatchResult({ batch }: { batch: ImportBatch }) {
  const { t } = useTranslation();
  const errors = useRowErrors(batch.errorRows > 0 ? batch.id : null);
  const duplicates = (errors.data?.items ?? []).filter((row) =>
    row.errors.some((error) => isDuplicate(error.code)),
  ).length;

  return (
    <Flex vertical gap={16} data-testid="import-result">
      <Row gutter={[12, 12]}>
        <Col xs={12} sm={6}>
          <Statistic title={t('crm.import.totalRows')} value={batch.totalRows} />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic
            title={t(batch.dryRun ? 'crm.import.wouldImport' : 'crm.import.okRows')}
            value={batch.okRows}
            styles={{ content: { color: '#389e0d' } }}
          />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic
            title={t('crm.import.errorRows')}
            value={batch.errorRows}
            styles={{ content: { color: batch.errorRows ? '#cf1322' : undefined } }}
          />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic
            title={t('crm.import.duplicateRows')}
            value={duplicates}
            styles={{ content: { color: duplicates ? '#d48806' : undefined } }}
          />
        </Col>
      </Row>
      {batch.errorRows > 0 ? (
        <>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text strong>{t('crm.import.rowErrors')}</Typography.Text>
            <Button
              icon={<DownloadOutlined />}
              href={`/api/v1/imports/${batch.id}/errors.csv`}
              data-testid="import-errors-csv"
            >
              {t('crm.import.errorsCsv')}
            </Button>
          </Flex>
          {errors.isError ? <Alert type="error" showIcon title={errorMessage(t, errors.error)} /> : null}
          <Table<RowError>
            rowKey="rowNo"
            size="small"
            loading={errors.isPending}
            dataSource={errors.data?.items ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('crm.import.row'), dataIndex: 'rowNo', width: 70 },
              {
                title: t('crm.import.problem'),
                dataIndex: 'errors',
                render: (list: RowError['errors']) => (
                  <Flex vertical gap={2}>
                    {list.map((error) => (
                      <span key={`${error.code}-${error.column ?? ''}-${error.message}`}>
                        {isDuplicate(error.code) ? <Tag color="gold">{t('crm.import.duplicate')}</Tag> : null}
                        {error.header ? <Typography.Text code>{error.header}</Typography.Text> : null}{' '}
                        {/* A duplicate's message names the record it matches: show it as it is. */}
                        {isDuplicate(error.code)
                          ? error.message
                          : t(`errors.${error.code}`, { defaultValue: error.message })}
                      </span>
                    ))}
                  </Flex>
                ),
              },
            ]}
          />
        </>
      ) : null}
    </Flex>
  );
}
