import { Alert, App, Button, Flex, Result, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { ContentCard } from '../../../components/content-card.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { BatchResult, ImportProgress } from './batch-result.tsx';
import { guessColumn, parseCsvHeader } from './csv-header.ts';
import { FileStep } from './file-step.tsx';
import { MappingStep, missingRequired } from './mapping-step.tsx';
import { type ImportBatch, useLatestBatch, useRunImport, useTemplate, useUndoImport } from './queries.ts';

/** Import wizard: entity and file → column mapping → dry run with per-row errors → import with progress → undo. */
export function ImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [step, setStep] = useState(0);
  const [entity, setEntity] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [headers, setHeaders] = useState<string[] | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [dryRun, setDryRun] = useState<ImportBatch | null>(null);
  const [final, setFinal] = useState<ImportBatch | null>(null);
  const template = useTemplate(entity);
  const run = useRunImport();
  const undo = useUndoImport();
  const running = run.isPending && step === 3;
  const latest = useLatestBatch(entity, running);

  const readHeaders = async () => {
    if (!file || !entity) return;
    if (/\.xlsx$/i.test(file.name)) {
      setHeaders(null);
      setMapping({});
    } else {
      const found = parseCsvHeader(await file.slice(0, 64 * 1024).text());
      setHeaders(found);
      const columns = template.data?.columns ?? [];
      setMapping(Object.fromEntries(found.map((header) => [header, guessColumn(header, columns)])));
    }
    setStep(1);
  };

  const send = (isDryRun: boolean) => {
    if (!file || !entity) return;
    if (!isDryRun) setStep(3);
    run.mutate(
      { entity, file, dryRun: isDryRun, mapping: headers ? mapping : undefined },
      {
        onSuccess: (batch) => {
          if (isDryRun) {
            setDryRun(batch);
            setStep(2);
          } else setFinal(batch);
        },
      },
    );
  };

  const restart = () => {
    setStep(0);
    setFile(null);
    setDryRun(null);
    setFinal(null);
    run.reset();
  };

  const missing = headers ? missingRequired(template.data, mapping) : [];
  const progressBatch = final ?? (latest.data && !latest.data.dryRun ? latest.data : undefined);

  return (
    <>
      <PageHeader title={t('crm.import.title')} subtitle={t('crm.import.subtitle')} />
      <ContentCard>
        <Steps
          current={step}
          size="small"
          responsive
          style={{ marginBottom: 24 }}
          items={[
            { title: t('crm.import.steps.file') },
            { title: t('crm.import.steps.mapping') },
            { title: t('crm.import.steps.dryRun') },
            { title: t('crm.import.steps.run') },
          ]}
        />
        {run.isError ? (
          <Alert type="error" showIcon title={errorMessage(t, run.error)} style={{ marginBottom: 16 }} />
        ) : null}
        {step === 0 ? <FileStep entity={entity} onEntity={setEntity} file={file} onFile={setFile} /> : null}
        {step === 1 && entity ? (
          <MappingStep entity={entity} headers={headers} mapping={mapping} onChange={setMapping} />
        ) : null}
        {step === 2 && dryRun ? <BatchResult batch={dryRun} /> : null}
        {step === 3 ? (
          <Flex vertical gap={16}>
            <ImportProgress batch={progressBatch} />
            {final ? (
              final.status === 'undone' ? (
                <Result status="info" title={t('crm.import.undone')} />
              ) : (
                <BatchResult batch={final} />
              )
            ) : null}
          </Flex>
        ) : null}
        <Flex gap={8} justify="flex-end" wrap style={{ marginTop: 24 }}>
          {step > 0 && step < 3 ? (
            <Button onClick={() => setStep(step - 1)}>{t('crm.import.back')}</Button>
          ) : null}
          {step === 0 ? (
            <Button type="primary" disabled={!entity || !file || template.isPending} onClick={readHeaders}>
              {t('crm.import.next')}
            </Button>
          ) : null}
          {step === 1 ? (
            <Button
              type="primary"
              disabled={missing.length > 0}
              loading={run.isPending}
              onClick={() => send(true)}
              data-testid="import-dry-run"
            >
              {t('crm.import.dryRun')}
            </Button>
          ) : null}
          {step === 2 ? (
            <Button
              type="primary"
              disabled={!dryRun || dryRun.okRows === 0}
              onClick={() => send(false)}
              data-testid="import-run"
            >
              {t('crm.import.run', { count: dryRun?.okRows ?? 0 })}
            </Button>
          ) : null}
          {step === 3 && final && final.status !== 'undone' ? (
            <Button
              danger
              loading={undo.isPending}
              onClick={() =>
                undo.mutate(final, {
                  onSuccess: (batch) => {
                    setFinal(batch);
                    message.success(t('crm.import.undone'));
                  },
                  onError: (err) => message.error(errorMessage(t, err)),
                })
              }
              data-testid="import-undo"
            >
              {t('crm.import.undo')}
            </Button>
          ) : null}
          {step === 3 && !running ? <Button onClick={restart}>{t('crm.import.another')}</Button> : null}
        </Flex>
      </ContentCard>
    </>
  );
}
