import { Button, Field, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/locale-context.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { MeetingSummaryDto } from '../../models/api-contract.js';
import { programmeApi } from '../../services/programme-api.js';
import { formatDateTime } from '../../../../shared/time/reiwa.js';

const FIELDS: { name: 'structure' | 'schedule' | 'progress' | 'issues'; label: MessageKey; required?: boolean }[] = [
  { name: 'structure', label: 'reportStructure' },
  { name: 'schedule', label: 'reportSchedule' },
  { name: 'progress', label: 'reportProgress', required: true },
  { name: 'issues', label: 'reportIssues' },
];

/** A PT secretariat's progress report (体制・スケジュール・進捗・課題), tied to the meeting it is given at. */
export function ProgressReportForm({ ptId, meetings, onAdded }: { ptId: string; meetings: readonly MeetingSummaryDto[]; onAdded: () => void }) {
  const { t, locale } = useI18n();
  const [reportId, setReportId] = useState(() => crypto.randomUUID());
  const [form, setForm] = useState({ meetingId: meetings[0]?.id ?? '', structure: '', schedule: '', progress: '', issues: '' });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  if (meetings.length === 0) return <p>{t('noReportableMeeting')}</p>;
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await programmeApi.addProgressReport(ptId, { reportId, ...form });
      setReportId(crypto.randomUUID());
      setForm((current) => ({ ...current, structure: '', schedule: '', progress: '', issues: '' }));
      onAdded();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      aria-label={t('addProgressReport')}
      style={{ display: 'grid', gap: 8, maxWidth: 720 }}
    >
      <Field label={t('reportMeeting')} required>
        <Select name="meetingId" value={form.meetingId} onChange={(_, data) => setForm((current) => ({ ...current, meetingId: data.value }))}>
          {meetings.map((meeting) => (
            <option key={meeting.id} value={meeting.id}>
              {locale === 'ja' ? meeting.bodyName : meeting.bodyNameEn} {t('ordinal', { n: meeting.ordinal })}{' '}
              {formatDateTime(new Date(meeting.startsAt), locale)}
            </option>
          ))}
        </Select>
      </Field>
      {FIELDS.map((field) => (
        <Field key={field.name} label={t(field.label)} required={field.required}>
          <Textarea
            name={field.name}
            value={form[field.name]}
            onChange={(_, data) => setForm((current) => ({ ...current, [field.name]: data.value }))}
            rows={3}
            maxLength={2000}
          />
        </Field>
      ))}
      <ErrorNotice error={error} />
      <div>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('addProgressReport')}
        </Button>
      </div>
    </form>
  );
}
