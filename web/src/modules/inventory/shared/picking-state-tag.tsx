import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  draft: 'default',
  waiting: 'orange',
  ready: 'blue',
  picked: 'cyan',
  packed: 'geekblue',
  done: 'green',
  cancelled: 'default',
};

export function PickingStateTag({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[state] ?? 'default'} data-testid="picking-state" style={{ marginInlineEnd: 0 }}>
      {t(`inventory.pickingState.${state}`, { defaultValue: state })}
    </Tag>
  );
}
