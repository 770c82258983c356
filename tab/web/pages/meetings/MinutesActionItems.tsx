import { Badge, Button, Field, Input, Link, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { DateText } from '../../components/DateText.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { hrefOf } from '../../components/use-hash-route.js';
import { useI18n } from '../../i18n/locale-context.js';
import type { ActionItemDto } from '../../models/api-contract.js';
import { programmeApi } from '../../services/programme-api.js';

/** The item's title, the meeting that asked for it, its owner and due date (期限超過 when past). */
function ActionItemLine({ item, showOwner = false }: { item: ActionItemDto; showOwner?: boolean }) {
  const { t, locale } = useI18n();
  return (
    <>
      <Text weight="semibold">{item.title}</Text>{' '}
      <Link href={hrefOf('meetings', item.meetingId)}>
        {locale === 'ja' ? item.bodyName : item.bodyNameEn} {t('ordinal', { n: item.ordinal })}
      </Link>
      {showOwner ? ` · ${item.ownerName}` : ''} · {t('dueOn')} <DateText value={item.dueOn} />{' '}
      {item.overdue && <Badge color="danger">{t('overdueBadge')}</Badge>}
    </>
  );
}

/** 完了にする with an optional note of what was done. */
function CompleteAction({ item, onDone }: { item: ActionItemDto; onDone: (item: ActionItemDto) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const complete = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onDone(await programmeApi.completeAction(item.id, note));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  if (!open)
    return (
      <Button size="small" onClick={() => setOpen(true)} aria-label={`${t('markDone')}: ${item.title}`}>
        {t('markDone')}
      </Button>
    );
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void complete();
      }}
      aria-label={`${t('markDone')}: ${item.title}`}
      style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'end' }}
    >
      <Field label={t('doneNote')}>
        <Input value={note} maxLength={1000} onChange={(_, data) => setNote(data.value)} />
      </Field>
      <Button type="submit" appearance="primary" disabled={busy}>
        {t('markDone')}
      </Button>
      <Button appearance="subtle" onClick={() => setOpen(false)}>
        {t('cancel')}
      </Button>
      <ErrorNotice error={error} />
    </form>
  );
}

/** わたしのタスク: my open action items, each with 完了にする. */
export function MyActionItems({ items, onChanged }: { items: readonly ActionItemDto[]; onChanged: () => void }) {
  const { t } = useI18n();
  const [notice, setNotice] = useState<string>();
  if (items.length === 0 && !notice) return null;
  return (
    <div data-testid="my-action-items">
      {notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {items.length > 0 && (
        <>
          <Text weight="semibold">{t('myActionItems')}</Text>
          <ul>
            {items.map((item) => (
              <li key={item.id} style={{ marginBottom: 4 }}>
                <ActionItemLine item={item} />{' '}
                <CompleteAction
                  item={item}
                  onDone={(done) => {
                    setNotice(t('actionDone', { title: done.title }));
                    onChanged();
                  }}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** 期限超過の対応事項, for the secretariat: whose items are late, from which meeting. */
export function OverdueActionItems({ items }: { items: readonly ActionItemDto[] }) {
  const { t } = useI18n();
  if (items.length === 0) return null;
  return (
    <div data-testid="overdue-action-items">
      <Text weight="semibold">{t('overdueActionItems')}</Text>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <ActionItemLine item={item} showOwner />
          </li>
        ))}
      </ul>
    </div>
  );
}
