import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Input, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { formatAmount } from '../../catalog/shared/numbers.ts';
import { AccountSelect } from '../shared/account-select.tsx';
import { AMOUNT, fixed, positiveAmount } from '../shared/money.ts';
import { balanceOf, type DraftLine, emptyLine } from './draft-lines.ts';

function Field({ label, phone, children }: { label: string; phone: boolean; children: ReactNode }) {
  return (
    <Flex vertical gap={2}>
      {phone ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {label}
        </Typography.Text>
      ) : null}
      {children}
    </Flex>
  );
}

function amountStatus(text: string) {
  return text.trim() === '' || AMOUNT.test(text.trim()) ? undefined : ('error' as const);
}

/** The voucher's lines as editable rows: 摘要, account, debit or credit; totals and the difference below. */
export function EntryLinesEditor({
  lines,
  onChange,
}: {
  lines: DraftLine[];
  onChange: (lines: DraftLine[]) => void;
}) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const balance = balanceOf(lines);
  const set = (index: number, patch: Partial<DraftLine>) =>
    onChange(lines.map((line, i) => (i === index ? { ...line, ...patch } : line)));

  /** Fills the difference into an empty line on its short side: how accountants finish a voucher. */
  const fillDifference = (index: number) => {
    const diff = balance.difference;
    if (diff.isZero()) return;
    if (diff.gt(0))
      set(index, { credit: fixed(diff.plus(positiveAmount(lines[index].credit) ?? 0)), debit: '' });
    else set(index, { debit: fixed(diff.neg().plus(positiveAmount(lines[index].debit) ?? 0)), credit: '' });
  };

  return (
    <Flex vertical gap={8}>
      {!phone ? (
        <Row gutter={8} style={{ padding: '0 12px' }}>
          <Col md={7}>
            <Typography.Text type="secondary">{t('accounting.voucher.summary')}</Typography.Text>
          </Col>
          <Col md={8}>
            <Typography.Text type="secondary">{t('accounting.voucher.account')}</Typography.Text>
          </Col>
          <Col md={4}>
            <Typography.Text type="secondary">{t('accounting.voucher.debit')}</Typography.Text>
          </Col>
          <Col md={4}>
            <Typography.Text type="secondary">{t('accounting.voucher.credit')}</Typography.Text>
          </Col>
        </Row>
      ) : null}
      {lines.map((line, index) => (
        <Card
          key={line.key}
          size="small"
          styles={{ body: { padding: phone ? 10 : 12 } }}
          data-testid="entry-line"
        >
          <Row gutter={[8, 8]} align="middle">
            <Col xs={24} md={7}>
              <Field label={t('accounting.voucher.summary')} phone={phone}>
                <Input
                  value={line.description}
                  maxLength={500}
                  onChange={(event) => set(index, { description: event.target.value })}
                  data-testid={`line-description-${index}`}
                />
              </Field>
            </Col>
            <Col xs={24} md={8}>
              <Field label={t('accounting.voucher.account')} phone={phone}>
                <AccountSelect
                  value={line.accountId ?? undefined}
                  onChange={(accountId) => set(index, { accountId })}
                  style={{ width: '100%' }}
                  data-testid={`line-account-${index}`}
                />
              </Field>
            </Col>
            <Col xs={10} md={4}>
              <Field label={t('accounting.voucher.debit')} phone={phone}>
                <Input
                  inputMode="decimal"
                  value={line.debit}
                  status={amountStatus(line.debit)}
                  onChange={(event) =>
                    set(index, { debit: event.target.value, ...(event.target.value ? { credit: '' } : {}) })
                  }
                  data-testid={`line-debit-${index}`}
                />
              </Field>
            </Col>
            <Col xs={10} md={4}>
              <Field label={t('accounting.voucher.credit')} phone={phone}>
                <Input
                  inputMode="decimal"
                  value={line.credit}
                  status={amountStatus(line.credit)}
                  onChange={(event) =>
                    set(index, { credit: event.target.value, ...(event.target.value ? { debit: '' } : {}) })
                  }
                  data-testid={`line-credit-${index}`}
                />
              </Field>
            </Col>
            <Col xs={4} md={1}>
              <Flex justify="flex-end" align="flex-end" style={{ height: '100%' }}>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('accounting.entry.removeLine')}
                  disabled={lines.length <= 1}
                  onClick={() => onChange(lines.filter((_, i) => i !== index))}
                />
              </Flex>
            </Col>
          </Row>
        </Card>
      ))}
      <Flex justify="space-between" wrap gap={12} align="center">
        <Flex gap={8} wrap>
          <Button
            icon={<PlusOutlined />}
            onClick={() => onChange([...lines, emptyLine()])}
            data-testid="add-line"
          >
            {t('accounting.entry.addLine')}
          </Button>
          {!balance.difference.isZero() ? (
            <Button
              onClick={() => {
                const index = lines.findIndex((line) => !line.debit.trim() && !line.credit.trim());
                if (index >= 0) fillDifference(index);
                else {
                  const added = emptyLine();
                  const diff = balance.difference;
                  onChange([
                    ...lines,
                    diff.gt(0) ? { ...added, credit: fixed(diff) } : { ...added, debit: fixed(diff.neg()) },
                  ]);
                }
              }}
              data-testid="fill-difference"
            >
              {t('accounting.entry.fillDifference')}
            </Button>
          ) : null}
        </Flex>
        <Flex gap={16} wrap data-testid="entry-balance">
          <span>
            {t('accounting.voucher.debit')}:{' '}
            <Typography.Text strong>{formatAmount(fixed(balance.debit))}</Typography.Text>
          </span>
          <span>
            {t('accounting.voucher.credit')}:{' '}
            <Typography.Text strong>{formatAmount(fixed(balance.credit))}</Typography.Text>
          </span>
          <Typography.Text
            type={balance.difference.isZero() ? 'success' : 'danger'}
            strong
            data-testid="entry-difference"
          >
            {t('accounting.entry.difference')}: {formatAmount(fixed(balance.difference))}
          </Typography.Text>
        </Flex>
      </Flex>
    </Flex>
  );
}
