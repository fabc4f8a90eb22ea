import { ArrowLeftOutlined, CheckOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Input,
  Result,
  Row,
  Select,
  Skeleton,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { http } from '../../../api/client.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { refreshLedger, useEntry, useSaveEntry } from '../ledger-queries.ts';
import { type Entry, type EntryInput, JOURNAL_CODES, type JournalCode } from '../types.ts';
import { balanceOf, type DraftLine, emptyLine, lineInput } from './draft-lines.ts';
import { EntryLinesEditor } from './entry-lines.tsx';

function linesOf(entry: Entry | undefined): DraftLine[] {
  if (!entry) return [emptyLine(), emptyLine()];
  return entry.lines.map((line) => ({
    key: `line-${line.lineNo}`,
    accountId: line.accountId,
    debit: Number(line.debit) ? line.debit : '',
    credit: Number(line.credit) ? line.credit : '',
    description: line.description,
  }));
}

/** Prepare (制单) a draft voucher, or edit one; it may be saved unbalanced, but not posted. */
function EntryEditor({ entry }: { entry?: Entry }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const canPost = useHasPermission('accounting.entry.post');
  const save = useSaveEntry(entry);
  const [journal, setJournal] = useState<JournalCode>(entry?.journal ?? 'general');
  const [date, setDate] = useState<Dayjs | null>(entry ? dayjs(entry.date) : dayjs());
  const [memo, setMemo] = useState(entry?.memo ?? '');
  const [lines, setLines] = useState<DraftLine[]>(() => linesOf(entry));
  const [posting, setPosting] = useState(false);
  const balance = balanceOf(lines);
  const filled = lines.filter((line) => line.accountId || line.debit.trim() || line.credit.trim());
  const inputs = filled.map(lineInput);
  const complete = Boolean(date) && inputs.every((input) => input !== null);

  const submit = (andPost: boolean) => {
    if (!date || !complete) return;
    const input: EntryInput = {
      journal,
      date: date.format('YYYY-MM-DD'),
      memo: memo.trim(),
      lines: inputs as NonNullable<(typeof inputs)[number]>[],
    };
    save.mutate(input, {
      onSuccess: async (saved) => {
        if (!andPost) {
          message.success(t('accounting.entry.saved'));
          navigate(`/accounting/entries/${saved.id}`);
          return;
        }
        setPosting(true);
        try {
          const posted = await http.post<{ voucher: string }>(`/journal-entries/${saved.id}/post`, {
            version: saved.version,
          });
          message.success(t('accounting.entry.posted', { voucher: posted.voucher }));
        } catch (err) {
          message.error(errorMessage(t, err));
        } finally {
          setPosting(false);
          await refreshLedger();
          navigate(`/accounting/entries/${saved.id}`);
        }
      },
    });
  };

  return (
    <>
      <Link
        to={entry ? `/accounting/entries/${entry.id}` : '/accounting/entries'}
        style={{ display: 'inline-block', marginBottom: 12 }}
      >
        <ArrowLeftOutlined /> {entry ? t('accounting.entry.backToEntry') : t('accounting.entries.backToList')}
      </Link>
      <Card styles={{ body: { padding: isPhone ? 12 : 20 } }} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {entry ? t('accounting.entry.editTitle') : t('accounting.entries.new')}
        </Typography.Title>
        <Row gutter={[12, 12]}>
          <Col xs={24} sm={8} md={5}>
            <Typography.Text type="secondary">{t('accounting.entry.journal')}</Typography.Text>
            <Select
              value={journal}
              onChange={setJournal}
              options={JOURNAL_CODES.map((code) => ({ value: code, label: t(`accounting.journal.${code}`) }))}
              style={{ width: '100%' }}
            />
          </Col>
          <Col xs={24} sm={8} md={5}>
            <Typography.Text type="secondary">{t('accounting.voucher.date')}</Typography.Text>
            <DatePicker value={date} onChange={setDate} style={{ width: '100%' }} data-testid="entry-date" />
          </Col>
          <Col xs={24} sm={24} md={14}>
            <Typography.Text type="secondary">{t('accounting.entry.memo')}</Typography.Text>
            <Input
              value={memo}
              maxLength={500}
              onChange={(event) => setMemo(event.target.value)}
              data-testid="entry-memo"
            />
          </Col>
        </Row>
      </Card>
      <Card styles={{ body: { padding: isPhone ? 10 : 16 } }}>
        <EntryLinesEditor lines={lines} onChange={setLines} />
        {save.isError ? (
          <Alert type="error" showIcon title={errorMessage(t, save.error)} style={{ marginTop: 16 }} />
        ) : null}
        <Flex gap={8} wrap justify="flex-end" style={{ marginTop: 16 }}>
          {!complete ? (
            <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
              {t('accounting.entry.incompleteLines')}
            </Typography.Text>
          ) : null}
          <Button
            icon={<SaveOutlined />}
            disabled={!complete || filled.length === 0}
            loading={save.isPending && !posting}
            onClick={() => submit(false)}
            data-testid="entry-save"
          >
            {t('accounting.entry.saveDraft')}
          </Button>
          {canPost ? (
            <Button
              type="primary"
              icon={<CheckOutlined />}
              disabled={!balance.postable || !date}
              loading={posting}
              title={balance.postable ? undefined : t('accounting.entry.postDisabled')}
              onClick={() => submit(true)}
              data-testid="entry-save-post"
            >
              {t('accounting.entry.saveAndPost')}
            </Button>
          ) : null}
        </Flex>
      </Card>
    </>
  );
}

export function NewEntryPage() {
  return <EntryEditor />;
}

export function EditEntryPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const entry = useEntry(id);
  if (entry.isPending) return <Skeleton active />;
  if (entry.isError) return <Result status="warning" title={errorMessage(t, entry.error)} />;
  if (entry.data.state !== 'draft')
    return <Result status="info" title={t('errors.accounting.entry_posted')} />;
  return <EntryEditor entry={entry.data} key={entry.data.version} />;
}
