import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../api/types.ts';

const ACTION_COLORS: Record<string, string> = {
  create: 'green',
  insert: 'green',
  update: 'blue',
  delete: 'red',
  remove: 'red',
};

function actionColor(action: string): string | undefined {
  const verb = action.split(/[._:]/).pop() ?? action;
  return ACTION_COLORS[verb] ?? ACTION_COLORS[action];
}

/** The action as a coloured tag, translated when we know the verb. */
export function ActionTag({ action }: { action: string }) {
  const { t } = useTranslation();
  return <Tag color={actionColor(action)}>{t(`audit.actions.${action}`, { defaultValue: action })}</Tag>;
}

/** The kind of record (`platform.user`) in words, with the code on hover for people who filter by it. */
export function EntityTag({ entity }: { entity: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={entity}>
      <Tag style={{ width: 'fit-content' }}>{t(`entities.${entity}`, { defaultValue: entity })}</Tag>
    </Tooltip>
  );
}

/** Who did it: the person, else an API token, else the system. */
export function ActorName({ actor }: { actor: AuditEntry['actor'] }) {
  const { t } = useTranslation();
  if (actor?.name) return <Typography.Text>{actor.name}</Typography.Text>;
  if (actor?.tokenId) return <Typography.Text type="secondary">{t('audit.apiToken')}</Typography.Text>;
  return <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>;
}
