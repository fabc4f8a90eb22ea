import { App, Button, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { formatAmount } from '../../catalog/shared/numbers.ts';
import { useAcceptSuggestedLimit, useCreditProfile } from '../document-queries.ts';

const BAND_COLORS: Record<string, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red', new: 'default' };

/**
 * Band, score and the reasons in words, from the customer's payment behaviour; finance may make the
 * suggested limit the customer's credit limit in one click (confirmed first).
 */
export function CreditProfilePanel({
  customerId,
  customerVersion,
}: {
  customerId: string;
  customerVersion: number;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const profile = useCreditProfile(customerId, true);
  const accept = useAcceptSuggestedLimit(customerId);
  const canManage = useHasPermission('accounting.credit.manage');
  const p = profile.data;
  if (!p) return null;
  const suggested = p.suggestedLimitCustomerCurrency;
  const differs =
    suggested !== null && (p.creditLimit === null || Number(p.creditLimit) !== Number(suggested));
  return (
    <Flex vertical gap={6} data-testid="credit-profile">
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>{t('accounting.creditProfile.title')}</Typography.Text>
        <Tag color={BAND_COLORS[p.band]} data-testid="credit-band">
          {p.band === 'new'
            ? t('accounting.creditProfile.bandNew')
            : t('accounting.creditProfile.band', { band: p.band })}
        </Tag>
        {p.score !== null ? (
          <Typography.Text type="secondary">
            {t('accounting.creditProfile.score', { score: p.score })}
          </Typography.Text>
        ) : null}
      </Flex>
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        {p.reasons.map((r) => (
          <li key={r.code}>
            <Typography.Text>
              {t(`accounting.creditProfile.reasons.${r.code}`, {
                ...r.params,
                amount:
                  r.params.amount === undefined
                    ? undefined
                    : formatAmount(String(r.params.amount), p.currency),
              })}
            </Typography.Text>
          </li>
        ))}
      </ul>
      {suggested !== null ? (
        <Flex gap={8} align="center" wrap>
          <Typography.Text>
            {t('accounting.creditProfile.suggested')}:{' '}
            <Typography.Text strong data-testid="credit-suggested">
              {formatAmount(suggested, p.customerCurrency)}
            </Typography.Text>
          </Typography.Text>
          {canManage && differs ? (
            <Popconfirm
              title={t('accounting.creditProfile.acceptConfirm', {
                amount: formatAmount(suggested, p.customerCurrency),
              })}
              onConfirm={() =>
                accept.mutate(
                  { version: customerVersion, expected: suggested },
                  {
                    onSuccess: (saved) =>
                      message.success(
                        t('accounting.creditProfile.accepted', {
                          amount: formatAmount(saved.creditLimit ?? suggested, p.customerCurrency),
                        }),
                      ),
                    onError: (err) => message.error(errorMessage(t, err)),
                  },
                )
              }
            >
              <Button size="small" loading={accept.isPending} data-testid="credit-accept">
                {t('accounting.creditProfile.accept')}
              </Button>
            </Popconfirm>
          ) : null}
        </Flex>
      ) : null}
    </Flex>
  );
}
