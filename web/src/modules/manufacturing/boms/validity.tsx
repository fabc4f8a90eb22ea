import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../components/format.ts';

/** "2025-01-01 → 2025-12-31", open ends shown as such. */
export function Validity({ from, to }: { from: string | null; to: string | null }) {
  const { t } = useTranslation();
  if (!from && !to) return <>{t('manufacturing.bom.always')}</>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {from ? formatDate(from) : t('manufacturing.bom.openStart')} →{' '}
      {to ? formatDate(to) : t('manufacturing.bom.openEnd')}
    </span>
  );
}
