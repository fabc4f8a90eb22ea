import { CheckOutlined, EyeInvisibleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { formatDateTime } from '../../../components/format.ts';
import { useDecideFinding, useFindings } from './queries.ts';
import type { FindingStatus, QualityFinding } from './types.ts';

const STATUS_COLOR: Record<FindingStatus, string> = { open: 'red', resolved: 'green', ignored: 'default' };

/** What the finding is about, from its details: a name, a number, a SKU … or the record's id. */
function recordLabel(f: QualityFinding): string {
  const d = f.details;
  const label = d.number ?? d.name ?? d.label ?? d.sku ?? d.type;
  return typeof label === 'string' && label
    ? d.code
      ? `${d.code} ${label}`
      : label
    : f.recordId.slice(0, 8);
}

/** The problem in words (keys under quality.problems, by check, with the details as values). */
function useProblemText() {
  const { t } = useTranslation();
  return (f: QualityFinding) => {
    const d = f.details;
    const key = f.checkKey.replace('.', '_');
    const values = {
      ...d,
      reasons: Array.isArray(d.reasons)
        ? d.reasons.map((r: string) => t(`quality.reasons.${r}`)).join(', ')
        : '',
      field: d.field ? t(`quality.fields.${d.field}`, { defaultValue: d.field }) : '',
      problem: d.problem ? t(`quality.orderProblems.${d.problem}`, { defaultValue: d.problem }) : '',
      kind: d.kind ? t(`quality.stockKinds.${d.kind}`, { defaultValue: d.kind }) : '',
    };
    return t(`quality.problems.${key}`, { ...values, defaultValue: JSON.stringify(d) });
  };
}

function DecideButtons({ finding, canManage }: { finding: QualityFinding; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const decide = useDecideFinding();
  const [verb, setVerb] = useState<'resolve' | 'ignore' | null>(null);
  const [note, setNote] = useState('');
  if (!canManage) return null;
  const submit = () =>
    decide.mutate(
      { finding, verb: verb!, note },
      {
        onSuccess: () => {
          message.success(t(verb === 'resolve' ? 'quality.resolvedDone' : 'quality.ignoredDone'));
          setVerb(null);
          setNote('');
        },
        onError: (err) => message.error(errorMessage(t, err)),
      },
    );
  return (
    <>
      {finding.status !== 'resolved' ? (
        <Button
          size="small"
          icon={<CheckOutlined />}
          onClick={() => setVerb('resolve')}
          data-testid="dq-resolve"
        >
          {t('quality.resolve')}
        </Button>
      ) : null}
      {finding.status !== 'ignored' ? (
        <Button
          size="small"
          icon={<EyeInvisibleOutlined />}
          onClick={() => setVerb('ignore')}
          data-testid="dq-ignore"
        >
          {t('quality.ignore')}
        </Button>
      ) : null}
      <Modal
        open={verb !== null}
        title={t(verb === 'resolve' ? 'quality.resolveTitle' : 'quality.ignoreTitle')}
        okText={t(verb === 'resolve' ? 'quality.resolve' : 'quality.ignore')}
        cancelText={t('common.cancel')}
        confirmLoading={decide.isPending}
        onOk={submit}
        onCancel={() => setVerb(null)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {t(verb === 'resolve' ? 'quality.resolveHint' : 'quality.ignoreHint')}
        </Typography.Paragraph>
        <Input.TextArea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={1000}
          rows={3}
          placeholder={t('quality.notePlaceholder')}
          data-testid="dq-note"
        />
      </Modal>
    </>
  );
}

/** One check's findings with the chosen status: what, which record (a link to it), since when, and the actions. */
export function FindingList({
  check,
  status,
  canManage,
}: {
  check: string;
  status: FindingStatus | undefined;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const findings = useFindings(check, status, true);
  const problem = useProblemText();
  const items = findings.data?.pages.flatMap((p) => p.items) ?? [];
  if (findings.isError) return <Alert type="error" showIcon title={errorMessage(t, findings.error)} />;
  return (
    <List
      size="small"
      loading={findings.isLoading}
      dataSource={items}
      locale={{ emptyText: t('quality.noFindings') }}
      loadMore={
        findings.hasNextPage ? (
          <Flex justify="center" style={{ marginTop: 8 }}>
            <Button onClick={() => findings.fetchNextPage()} loading={findings.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          </Flex>
        ) : null
      }
      renderItem={(f) => (
        <List.Item key={f.id} data-testid="dq-finding" data-record-id={f.recordId}>
          <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
            <Flex gap={8} wrap align="center">
              {f.webPath ? (
                <Link to={f.webPath} data-testid="dq-record-link">
                  {recordLabel(f)}
                </Link>
              ) : (
                <Typography.Text strong>{recordLabel(f)}</Typography.Text>
              )}
              <Tag color={STATUS_COLOR[f.status]}>{t(`quality.status.${f.status}`)}</Tag>
            </Flex>
            <Typography.Text style={{ overflowWrap: 'anywhere' }}>{problem(f)}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('quality.seen', {
                first: formatDateTime(f.firstSeenAt),
                last: formatDateTime(f.lastSeenAt),
              })}
              {f.note ? ` · ${t('quality.note')}: ${f.note}` : ''}
            </Typography.Text>
            <Flex gap={8} wrap>
              <DecideButtons finding={f} canManage={canManage} />
            </Flex>
          </Flex>
        </List.Item>
      )}
    />
  );
}
