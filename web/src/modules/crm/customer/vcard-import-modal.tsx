import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Flex, List, Modal, Row, Statistic, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DUPLICATE,
  skippedReason,
  useVcardImport,
  type VcardImportSummary,
  vcardErrorMessage,
} from './vcard.ts';

function Summary({ summary }: { summary: VcardImportSummary }) {
  const { t } = useTranslation();
  const { created, skipped } = summary.result;
  const duplicates = skipped.filter((s) => s.code === DUPLICATE).length;
  return (
    <Flex vertical gap={12} data-testid="vcard-result">
      <Row gutter={8}>
        <Col span={8}>
          <Statistic title={t('crm.vcard.created')} value={created.length} data-testid="vcard-created" />
        </Col>
        <Col span={8}>
          <Statistic title={t('crm.vcard.duplicates')} value={duplicates} data-testid="vcard-duplicates" />
        </Col>
        <Col span={8}>
          <Statistic
            title={t('crm.vcard.errors.title')}
            value={skipped.length - duplicates}
            data-testid="vcard-errors"
          />
        </Col>
      </Row>
      {summary.elsewhere > 0 ? (
        <Alert type="info" showIcon title={t('crm.vcard.elsewhere', { count: summary.elsewhere })} />
      ) : null}
      {summary.notAttached > 0 ? (
        <Alert type="warning" showIcon title={t('crm.vcard.notAttached', { count: summary.notAttached })} />
      ) : null}
      {skipped.length > 0 ? (
        <List
          size="small"
          bordered
          header={<Typography.Text strong>{t('crm.vcard.skippedTitle')}</Typography.Text>}
          dataSource={skipped}
          style={{ maxHeight: 260, overflowY: 'auto' }}
          renderItem={(item) => (
            <List.Item>
              <Flex vertical style={{ minWidth: 0 }}>
                <Typography.Text style={{ wordBreak: 'break-word' }}>
                  {t('crm.vcard.card', { card: item.card })}
                  {item.name ? ` · ${item.name}` : ''}: {skippedReason(t, item)}
                </Typography.Text>
                {item.code === 'invalid' ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-word' }}>
                    {item.message}
                  </Typography.Text>
                ) : null}
              </Flex>
            </List.Item>
          )}
        />
      ) : null}
    </Flex>
  );
}

/** Pick a .vcf file, upload it, and read what came of each card. */
export function VcardImportModal({
  open,
  customerId,
  customerName,
  mayAttach,
  onClose,
}: {
  open: boolean;
  customerId: string;
  customerName: string;
  /** May move contacts onto the customer (crm.contact.update). */
  mayAttach: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const upload = useVcardImport(customerId, mayAttach);
  const close = () => {
    setFile(null);
    upload.reset();
    onClose();
  };
  const again = () => {
    setFile(null);
    upload.reset();
  };

  return (
    <Modal
      open={open}
      title={t('crm.vcard.importTitle')}
      onCancel={close}
      destroyOnHidden
      footer={
        upload.data ? (
          <Flex justify="flex-end" gap={8} wrap>
            <Button onClick={again}>{t('crm.vcard.another')}</Button>
            <Button type="primary" onClick={close} data-testid="vcard-done">
              {t('crm.vcard.done')}
            </Button>
          </Flex>
        ) : (
          <Flex justify="flex-end" gap={8} wrap>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              disabled={!file}
              loading={upload.isPending}
              onClick={() => file && upload.mutate(file)}
              data-testid="vcard-import-submit"
            >
              {t('crm.vcard.import')}
            </Button>
          </Flex>
        )
      }
    >
      {upload.data ? (
        <Summary summary={upload.data} />
      ) : (
        <Flex vertical gap={12}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('crm.vcard.hint', { name: customerName })}
          </Typography.Paragraph>
          {upload.isError ? <Alert type="error" showIcon title={vcardErrorMessage(t, upload.error)} /> : null}
          <Upload.Dragger
            accept=".vcf,.vcard,text/vcard,text/x-vcard"
            multiple={false}
            maxCount={1}
            beforeUpload={(picked) => {
              setFile(picked);
              upload.reset();
              return false; // sent by the Import button, not by antd
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
            data-testid="vcard-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('crm.vcard.dropFile')}</p>
          </Upload.Dragger>
        </Flex>
      )}
    </Modal>
  );
}
