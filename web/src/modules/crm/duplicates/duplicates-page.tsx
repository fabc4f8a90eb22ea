import { Alert, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { ContentCard } from '../../../components/content-card.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useCustomer } from '../customer/queries.ts';
import { CustomerSelect } from '../shared/customer-select.tsx';
import { DuplicateReview } from './duplicate-review.tsx';

function ReviewFor({ id }: { id: string }) {
  const { t } = useTranslation();
  const customer = useCustomer(id);
  if (customer.isPending) return <Spin />;
  if (customer.isError) return <Alert type="error" showIcon title={errorMessage(t, customer.error)} />;
  return (
    <Flex vertical gap={12}>
      <Typography.Text>
        {t('crm.duplicates.reviewing')}{' '}
        <Link to={`/crm/customers/${customer.data.id}`}>
          {customer.data.name} ({customer.data.code})
        </Link>
      </Typography.Text>
      <DuplicateReview customer={customer.data} />
    </Flex>
  );
}

/** Duplicate review: pick a customer, see its likely duplicates with the reasons, merge them. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const id = params.get('customer');
  return (
    <>
      <PageHeader title={t('crm.duplicates.title')} subtitle={t('crm.duplicates.subtitle')} />
      <ContentCard>
        <Flex vertical gap={16}>
          <CustomerSelect
            placeholder={t('crm.duplicates.pickCustomer')}
            value={id ?? undefined}
            onChange={(value) => setParams(value ? { customer: value } : {}, { replace: true })}
            style={{ width: '100%', maxWidth: 480 }}
            data-testid="duplicates-customer"
          />
          {id ? <ReviewFor id={id} /> : null}
        </Flex>
      </ContentCard>
    </>
  );
}
