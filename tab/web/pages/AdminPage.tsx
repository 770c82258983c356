import { Button, Field, Input, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { LoadView } from '../components/LoadView.js';
import { Section } from '../components/Section.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/locale-context.js';
import type { RolloverDto } from '../models/api-contract.js';
import { programmeApi } from '../services/programme-api.js';
import { ProgrammeImportSection } from './admin/ProgrammeImportSection.js';
import { NotificationsSection } from './admin/NotificationsSection.js';
import { AdminAbsencesSection } from './admin/AdminAbsencesSection.js';
import { StaffDirectorySection } from './admin/StaffDirectorySection.js';
import { StaffImportSection } from './admin/StaffImportSection.js';

function RolloverSection() {
  const { t } = useI18n();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [result, setResult] = useState<RolloverDto>();
  const [error, setError] = useState<unknown>();
  const rollOver = async () => {
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await programmeApi.rollOver(Number(year)));
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <Section title={t('rollover')}>
      <Text>{t('rolloverHint')}</Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void rollOver();
        }}
        style={{ display: 'flex', gap: 8, alignItems: 'end' }}
        aria-label={t('rollover')}
      >
        <Field label={t('targetYear')}>
          <Input type="number" name="toYear" value={year} onChange={(_, data) => setYear(data.value)} min={2019} max={2100} />
        </Field>
        <Button type="submit" appearance="primary">
          {t('rolloverRun')}
        </Button>
      </form>
      <ErrorNotice error={error} />
      {result && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('rolloverDone', { calls: result.calls.length, milestones: result.milestones, skipped: result.skippedIds.length })}</MessageBarBody>
        </MessageBar>
      )}
    </Section>
  );
}

/** 管理: where notifications go and absences of posts (secretariat and admins); staff and programme imports and roll-over (admins). */
export function AdminPage() {
  const { t } = useI18n();
  const viewer = useLoad(() => programmeApi.me(), []);
  return (
    <LoadView load={viewer} reload={viewer.reload}>
      {(me) =>
        me.roles.admin || me.roles.secretariat ? (
          <>
            <NotificationsSection />
            <AdminAbsencesSection />
            {me.roles.admin && (
              <>
                <StaffDirectorySection selfId={me.staffId} />
                <StaffImportSection />
                <ProgrammeImportSection />
                <RolloverSection />
              </>
            )}
          </>
        ) : (
          <MessageBar intent="warning">
            <MessageBarBody>{t('adminOnly')}</MessageBarBody>
          </MessageBar>
        )
      }
    </LoadView>
  );
}
