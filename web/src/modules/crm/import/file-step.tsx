import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Radio, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { CRM_ENTITIES, useTemplates } from './queries.ts';

/** Step 1: what to import, and the file (CSV or XLSX). */
export function FileStep({
  entity,
  onEntity,
  file,
  onFile,
}: {
  entity: string | null;
  onEntity: (entity: string) => void;
  file: File | null;
  onFile: (file: File | null) => void;
}) {
  const { t } = useTranslation();
  const templates = useTemplates();
  const available = new Set((templates.data ?? []).map((template) => template.entity));

  return (
    <Flex vertical gap={16}>
      {templates.isError ? <Alert type="error" showIcon title={errorMessage(t, templates.error)} /> : null}
      <div>
        <Typography.Text strong>{t('crm.import.entity')}</Typography.Text>
        <Radio.Group
          value={entity}
          onChange={(event) => onEntity(event.target.value)}
          style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 8 }}
          data-testid="import-entity"
        >
          {CRM_ENTITIES.map((key) => (
            <Radio.Button key={key} value={key} disabled={templates.isSuccess && !available.has(key)}>
              {t(`crm.import.entities.${key.split('.')[1]}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
        {templates.isSuccess && CRM_ENTITIES.some((key) => !available.has(key)) ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('crm.import.someUnavailable')}
          </Typography.Paragraph>
        ) : null}
      </div>
      {entity ? (
        <Button
          icon={<DownloadOutlined />}
          href={`/api/v1/imports/templates/${entity}.csv`}
          style={{ width: 'fit-content' }}
        >
          {t('crm.import.downloadTemplate')}
        </Button>
      ) : null}
      <Upload.Dragger
        accept=".csv,.xlsx,text/csv"
        multiple={false}
        maxCount={1}
        beforeUpload={(picked) => {
          onFile(picked);
          return false; // keep it in the browser until the dry run
        }}
        onRemove={() => onFile(null)}
        fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
        data-testid="import-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('crm.import.dropFile')}</p>
        <p className="ant-upload-hint">{t('crm.import.fileHint')}</p>
      </Upload.Dragger>
    </Flex>
  );
}
