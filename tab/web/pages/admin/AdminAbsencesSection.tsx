import {
  Badge,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import { DateText } from '../../components/DateText.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { LoadView } from '../../components/LoadView.js';
import { Section } from '../../components/Section.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/locale-context.js';
import type { PostAbsencesDto } from '../../models/api-contract.js';
import { jstInstantOf } from '../../models/jst-input.js';
import { programmeApi } from '../../services/programme-api.js';

/** The form that records an absence (事故) or vacancy (欠けた) of a post, with its period. */
function RecordAbsenceForm({ posts, onRecorded }: { posts: PostAbsencesDto['posts']; onRecorded: () => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({
    postId: posts[0]?.id ?? '',
    kind: 'absent' as 'absent' | 'vacant',
    fromDate: '',
    fromTime: '00:00',
    untilDate: '',
    untilTime: '00:00',
    note: '',
  });
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const set = (field: keyof typeof form) => (_: unknown, data: { value: string }) => setForm((current) => ({ ...current, [field]: data.value }));
  const submit = async () => {
    setError(undefined);
    setDone(false);
    try {
      await programmeApi.recordAbsence({
        postId: form.postId,
        kind: form.kind,
        from: jstInstantOf(form.fromDate, form.fromTime),
        until: form.untilDate ? jstInstantOf(form.untilDate, form.untilTime) : undefined,
        note: form.note || undefined,
      });
      setDone(true);
      onRecorded();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      aria-label={t('absences')}
      style={{ display: 'grid', gap: 8, maxWidth: 720 }}
    >
      {done && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('absenceRecorded')}</MessageBarBody>
        </MessageBar>
      )}
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <Field label={t('absencePost')} required>
          <Select name="postId" value={form.postId} onChange={set('postId')}>
            {posts.map((post) => (
              <option key={post.id} value={post.id}>
                {post.title}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('absenceKind')} required>
          <Select name="kind" value={form.kind} onChange={set('kind')}>
            <option value="absent">{t('absenceKindAbsent')}</option>
            <option value="vacant">{t('absenceKindVacant')}</option>
          </Select>
        </Field>
      </div>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <Field label={t('absenceFrom')} required>
          <Input type="date" name="fromDate" value={form.fromDate} onChange={set('fromDate')} required />
        </Field>
        <Field label={t('absenceFromTime')}>
          <Input type="time" name="fromTime" value={form.fromTime} onChange={set('fromTime')} required />
        </Field>
        <Field label={t('absenceUntil')}>
          <Input type="date" name="untilDate" value={form.untilDate} onChange={set('untilDate')} />
        </Field>
        <Field label={t('absenceUntilTime')}>
          <Input type="time" name="untilTime" value={form.untilTime} onChange={set('untilTime')} />
        </Field>
      </div>
      <Field label={t('absenceNote')}>
        <Input name="note" value={form.note} onChange={set('note')} maxLength={500} />
      </Field>
      <ErrorNotice error={error} />
      <div>
        <Button type="submit" appearance="primary" disabled={!form.fromDate || !form.postId}>
          {t('absenceRecord')}
        </Button>
      </div>
    </form>
  );
}

/**
 * 本部長等の事故・欠員 on the 管理 page (HQ's secretariat and admins): while the 本部長's post is
 * recorded absent or vacant, the 1st-rank 副区長 convenes, presides and decides guests (要綱 art. 3(3)(4)).
 */
export function AdminAbsencesSection() {
  const { t } = useI18n();
  const list = useLoad(() => programmeApi.absences(), []);
  const [error, setError] = useState<unknown>();
  const end = async (id: string) => {
    setError(undefined);
    try {
      await programmeApi.endAbsence(id);
      list.reload();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <Section title={t('absences')}>
      <Text>{t('absencesHint')}</Text>
      <LoadView load={list} reload={list.reload}>
        {(data) => (
          <>
            <RecordAbsenceForm posts={data.posts} onRecorded={list.reload} />
            <ErrorNotice error={error} />
            {data.absences.length === 0 ? (
              <Text block>{t('empty')}</Text>
            ) : (
              <Table size="small" aria-label={t('absences')}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t('absencePost')}</TableHeaderCell>
                    <TableHeaderCell>{t('absenceKind')}</TableHeaderCell>
                    <TableHeaderCell>{t('absenceFrom')}</TableHeaderCell>
                    <TableHeaderCell>{t('absenceUntil')}</TableHeaderCell>
                    <TableHeaderCell>{t('absenceNote')}</TableHeaderCell>
                    <TableHeaderCell />
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.absences.map((absence) => (
                    <TableRow key={absence.id} data-absence-id={absence.id}>
                      <TableCell>{absence.postTitle}</TableCell>
                      <TableCell>{t(absence.kind === 'vacant' ? 'absenceKindVacant' : 'absenceKindAbsent')}</TableCell>
                      <TableCell>
                        <DateText value={absence.from} withTime />
                      </TableCell>
                      <TableCell>
                        {absence.endedAt ? <DateText value={absence.endedAt} withTime /> : absence.until ? <DateText value={absence.until} withTime /> : '—'}
                      </TableCell>
                      <TableCell>
                        {absence.note ?? ''} <Text size={200}>({absence.recordedByName})</Text>
                      </TableCell>
                      <TableCell>
                        {absence.current && <Badge color="important">{t('absenceCurrent')}</Badge>}
                        {absence.endedAt && <Badge appearance="outline">{t('absenceEnded')}</Badge>}
                        {!absence.endedAt && (absence.current || !absence.until || new Date(absence.until) > new Date()) && (
                          <Button size="small" onClick={() => void end(absence.id)}>
                            {t('absenceEnd')}
                          </Button>
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </>
        )}
      </LoadView>
    </Section>
  );
}
