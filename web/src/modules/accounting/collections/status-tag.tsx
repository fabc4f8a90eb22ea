import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LineStatus } from './queries.ts';

const COLORS: Record<LineStatus, string> = {
  collected: 'green',
  partly: 'blue',
  due: 'default',
  overdue: 'red',
};

export function LineStatusTag({ status }: { status: LineStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="line-status">
      {t(`accounting.collections.status.${status}`)}
    </Tag>
  );
}
