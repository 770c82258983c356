import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { NOTIFICATION_KIND_LABELS, type NotificationKind } from '../../../../shared/notifications/notification-kind.js';
import { LoadView } from '../../components/LoadView.js';
import { Section } from '../../components/Section.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/locale-context.js';
import { programmeApi } from '../../services/programme-api.js';
import { PlannedNotificationsTable } from './PlannedNotificationsTable.js';

/** Where the bot posts and what each conversation receives (set in Teams with 通知登録), with delivery counts. */
export function NotificationsSection() {
  const { t, locale } = useI18n();
  const overview = useLoad(() => programmeApi.notifications(), []);
  return (
    <Section title={t('notifications')}>
      <Text>{t('notificationsHint')}</Text>
      <LoadView load={overview} reload={overview.reload}>
        {(data) => (
          <>
            <p>{t('outboxCounts', data.outbox)}</p>
            <Table size="small" aria-label={t('notifications')}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('conversation')}</TableHeaderCell>
                  <TableHeaderCell>{t('notificationKinds')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.conversations.map((conversation) => (
                  <TableRow key={conversation.conversationId}>
                    <TableCell>{conversation.name ?? conversation.conversationId}</TableCell>
                    <TableCell>
                      {conversation.kinds.length
                        ? conversation.kinds.map((kind) => NOTIFICATION_KIND_LABELS[kind as NotificationKind]?.[locale] ?? kind).join('、')
                        : t('noSubscription')}
                      {conversation.bodyId ? ` (${conversation.bodyId})` : ''}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </LoadView>
      <PlannedNotificationsTable />
    </Section>
  );
}
