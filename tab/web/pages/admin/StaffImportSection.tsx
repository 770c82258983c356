import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Section } from '../../components/Section.js';
import { useI18n } from '../../i18n/locale-context.js';
import type { StaffImportPreviewDto } from '../../models/api-contract.js';
import { programmeApi } from '../../services/programme-api.js';
import { FilePicker } from './FilePicker.js';
import { useAction } from '../../components/use-action.js';

const OUTCOME_COLOURS = { created: 'success', updated: 'warning', unchanged: 'subtle' } as const;

/** Staff directory CSV: preview every created and changed person, then apply in one transaction. */
export function StaffImportSection() {
  const { t } = useI18n();
  const [csv, setCsv] = useState<string>();
  const [preview, setPreview] = useState<StaffImportPreviewDto>();
  const [applied, setApplied] = useState(false);
  const { error, run } = useAction();
  const choose = (text: string) => {
    setCsv(text);
    setApplied(false);
    void run(async () => setPreview(await programmeApi.previewStaffImport(text)));
  };
  const changed = preview?.lines.filter((line) => line.outcome !== 'unchanged') ?? [];
  return (
    <Section title={t('staffImport')}>
      <Text>{t('staffImportHint')}</Text>
      <FilePicker label={t('chooseCsv')} accept=".csv,text/csv" onText={choose} />
      <ErrorNotice error={error} />
      {preview && (
        <div style={{ display: 'grid', gap: 8 }} data-testid="staff-preview">
          <Text>{t('importCounts', preview.counts)}</Text>
          {changed.length > 0 && (
            <Table aria-label={t('staffImportPreview')} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('change')}</TableHeaderCell>
                  <TableHeaderCell>UPN</TableHeaderCell>
                  <TableHeaderCell>{t('name')}</TableHeaderCell>
                  <TableHeaderCell>{t('changedFields')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {changed.map((line) => (
                  <TableRow key={line.upn}>
                    <TableCell>
                      <Badge appearance="tint" color={OUTCOME_COLOURS[line.outcome]}>
                        {t(line.outcome === 'created' ? 'outcomeCreated' : 'outcomeUpdated')}
                      </Badge>
                    </TableCell>
                    <TableCell>{line.upn}</TableCell>
                    <TableCell>{line.displayName}</TableCell>
                    <TableCell>{line.changes.map((change) => `${change.field}: ${change.before || '—'} → ${change.after || '—'}`).join('; ')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {applied ? (
            <MessageBar intent="success" role="status">
              <MessageBarBody>{t('importApplied')}</MessageBarBody>
            </MessageBar>
          ) : (
            <div>
              <Button
                appearance="primary"
                disabled={!csv || changed.length === 0}
                onClick={() =>
                  void run(async () => {
                    setPreview(await programmeApi.applyStaffImport(csv!));
                    setApplied(true);
                  })
                }
              >
                {t('applyImport')}
              </Button>
            </div>
          )}
        </div>
      )}
    </Section>
  );
}
