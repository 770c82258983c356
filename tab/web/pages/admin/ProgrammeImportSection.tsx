import { Button, MessageBar, MessageBarBody, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Section } from '../../components/Section.js';
import { useI18n } from '../../i18n/locale-context.js';
import type { ProgrammeImportDto } from '../../models/api-contract.js';
import { programmeApi } from '../../services/programme-api.js';
import { FilePicker } from './FilePicker.js';
import { useAction } from '../../components/use-action.js';

/** The programme file (YAML): its contents and trap report first, then the import. */
export function ProgrammeImportSection() {
  const { t, locale } = useI18n();
  const [yaml, setYaml] = useState<string>();
  const [report, setReport] = useState<ProgrammeImportDto>();
  const { error, run } = useAction();
  const choose = (text: string) => {
    setYaml(text);
    setReport(undefined);
    void run(async () => setReport(await programmeApi.previewProgrammeImport(text)));
  };
  return (
    <Section title={t('programmeImport')}>
      <Text>{t('programmeImportHint')}</Text>
      <FilePicker label={t('chooseYaml')} accept=".yaml,.yml" onText={choose} />
      <ErrorNotice error={error} />
      {report && (
        <div style={{ display: 'grid', gap: 8 }} data-testid="programme-preview">
          <Text>
            {Object.entries(report.counts)
              .map(([kind, count]) => `${kind}: ${count}`)
              .join(' · ')}
          </Text>
          <Text weight="semibold">{t('trapReport', { count: report.traps.length })}</Text>
          {report.traps.length > 0 && (
            <Table aria-label={t('trapReport', { count: report.traps.length })} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('trapCode')}</TableHeaderCell>
                  <TableHeaderCell>{t('trapWhere')}</TableHeaderCell>
                  <TableHeaderCell>{t('trapText')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {report.traps.map((trap, index) => (
                  <TableRow key={index}>
                    <TableCell>{trap.code}</TableCell>
                    <TableCell>{trap.where}</TableCell>
                    <TableCell>{trap[locale]}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {report.summary ? (
            <MessageBar intent="success" role="status">
              <MessageBarBody>{t('importCounts', report.summary)}</MessageBarBody>
            </MessageBar>
          ) : (
            <div>
              <Button appearance="primary" onClick={() => void run(async () => setReport(await programmeApi.applyProgrammeImport(yaml!)))}>
                {t('applyImport')}
              </Button>
            </div>
          )}
        </div>
      )}
    </Section>
  );
}
