import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const PRODUCTION_COLORS: Record<string, string> = {
  draft: 'default',
  planned: 'purple',
  confirmed: 'blue',
  in_progress: 'orange',
  done: 'green',
  cancelled: 'default',
};

const BOM_COLORS: Record<string, string> = { draft: 'default', active: 'green', archived: 'default' };

const PROPOSAL_COLORS: Record<string, string> = {
  proposed: 'blue',
  confirmed: 'green',
  dismissed: 'default',
  superseded: 'default',
};

const RUN_COLORS: Record<string, string> = {
  queued: 'default',
  running: 'processing',
  done: 'green',
  failed: 'red',
};

const COLORS = {
  production: PRODUCTION_COLORS,
  bom: BOM_COLORS,
  proposal: PROPOSAL_COLORS,
  run: RUN_COLORS,
};

/** A state in the reader's language, coloured by what it means for the next step. */
export function StateTag({
  kind,
  state,
  testId,
}: {
  kind: keyof typeof COLORS;
  state: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[kind][state] ?? 'default'} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {t(`manufacturing.state.${kind}.${state}`, { defaultValue: state })}
    </Tag>
  );
}

/** Buy or make, as a proposal says. */
export function KindTag({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={kind === 'make' ? 'geekblue' : 'gold'} style={{ marginInlineEnd: 0 }}>
      {t(`manufacturing.kind.${kind}`, { defaultValue: kind })}
    </Tag>
  );
}
