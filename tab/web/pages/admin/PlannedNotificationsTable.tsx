import { Button, Field, MessageBar, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { NOTIFICATION_KIND_LABELS, type NotificationKind } from '../../../../shared/notifications/notification-kind.js';
import { DateText } from '../../components/DateText.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { LoadView } from '../../components/LoadView.js';
import { useAction } from '../../components/use-action.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/locale-context.js';
import type { NotificationPreviewDto, PlannedNotificationsDto } from '../../models/api-contract.js';
import { programmeApi } from '../../services/programme-api.js';
import { cardLines } from './card-text.js';

type Target = PlannedNotificationsDto['targets'][number];

/**
 * 予定されている通知: the pending outbox rows with each one's card as it would be posted now (as
 * text) and a test send to one chosen conversation. The rows are not changed by either.
 */
export function PlannedNotificationsTable() {
  const { t, locale } = useI18n();
  const planned = useLoad(() => programmeApi.plannedNotifications(), []);
  const [open, setOpen] = useState<{ id: string; preview: NotificationPreviewDto } | undefined>();
  const [targetId, setTargetId] = useState('');
  const [sent, setSent] = useState<string | undefined>();
  const { error, run } = useAction();
  const targetName = (target: Target) => (target.kind === 'personal' ? t('personalChatOwn') : (target.name ?? target.conversationId));
  const kindLabel = (kind: string) =>
    kind === 'personal' ? t('personalNotification') : (NOTIFICATION_KIND_LABELS[kind as NotificationKind]?.[locale] ?? kind);

  const preview = (id: string) =>
    run(async () => {
      setSent(undefined);
      setOpen(open?.id === id ? undefined : { id, preview: await programmeApi.previewNotification(id) });
    });
  const testSend = (id: string, targets: readonly Target[]) =>
    run(async () => {
      setSent(undefined);
      const target = targets.find((each) => each.conversationId === targetId);
      if (!target) return;
      await programmeApi.testSendNotification(id, target.conversationId);
      setSent(t('testSent', { name: targetName(target) }));
    });

  return (
    <>
      <h3>{t('plannedNotifications')}</h3>
      <Text block>{t('plannedNotificationsHint')}</Text>
      <ErrorNotice error={error} />
      {sent ? <MessageBar intent="success">{sent}</MessageBar> : null}
      <LoadView load={planned} reload={planned.reload} isEmpty={(data) => data.planned.length === 0}>
        {(data) => (
          <>
            <Field label={t('testSendTo')} style={{ maxWidth: 420, marginBlock: 8 }}>
              <Select value={targetId} onChange={(_, select) => setTargetId(select.value)} name="test-target">
                <option value="">—</option>
                {data.targets.map((target) => (
                  <option key={target.conversationId} value={target.conversationId}>
                    {targetName(target)}
                  </option>
                ))}
              </Select>
            </Field>
            <Table size="small" aria-label={t('plannedNotifications')}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('dueAt')}</TableHeaderCell>
                  <TableHeaderCell>{t('notificationKinds')}</TableHeaderCell>
                  <TableHeaderCell>{t('conversation')}</TableHeaderCell>
                  <TableHeaderCell>{t('actions')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.planned.map((row) => (
                  <TableRow key={row.id} data-outbox-id={row.id}>
                    <TableCell>
                      <DateText value={row.dueAt} withTime />
                    </TableCell>
                    <TableCell>{kindLabel(row.kind)}</TableCell>
                    <TableCell>
                      {row.conversationName ?? row.conversationId}
                      {open?.id === row.id ? <PreviewText preview={open.preview} /> : null}
                    </TableCell>
                    <TableCell>
                      <Button size="small" onClick={() => void preview(row.id)} aria-expanded={open?.id === row.id}>
                        {open?.id === row.id ? t('hidePreview') : t('previewCard')}
                      </Button>{' '}
                      <Button size="small" disabled={!targetId} onClick={() => void testSend(row.id, data.targets)}>
                        {t('testSend')}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </LoadView>
    </>
  );
}

/** The card's text, line by line, or the server's localised reason it would not be sent. */
function PreviewText({ preview }: { preview: NotificationPreviewDto }) {
  if (preview.outcome === 'skip') return <MessageBar intent="warning">{preview.message}</MessageBar>;
  return (
    <div role="region" style={{ border: '1px solid #ccc', borderRadius: 4, padding: 8, marginTop: 4, whiteSpace: 'pre-wrap' }}>
      {cardLines(preview.card).map((line, index) => (
        <Text block key={index}>
          {line}
        </Text>
      ))}
    </div>
  );
}
