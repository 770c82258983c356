import { Button, MessageBar, MessageBarActions, MessageBarBody, Skeleton, SkeletonItem } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/locale-context.js';
import type { Load } from './use-load.js';

/**
 * A skeleton while loading, the error (with 再試行 only when retrying can help), an empty state —
 * never a blank page.
 */
export function LoadView<T>({
  load,
  reload,
  isEmpty,
  children,
}: {
  load: Load<T>;
  reload: () => void;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (load.state === 'loading') {
    return (
      <Skeleton aria-label={t('loading')}>
        <SkeletonItem size={16} style={{ marginBottom: 8 }} />
        <SkeletonItem size={16} style={{ marginBottom: 8 }} />
        <SkeletonItem size={16} />
      </Skeleton>
    );
  }
  if (load.state === 'error') {
    return (
      <MessageBar intent="error" data-load-error={load.retryable ? 'retryable' : 'final'}>
        <MessageBarBody>{load.message}</MessageBarBody>
        {load.retryable && (
          <MessageBarActions>
            <Button onClick={reload}>{t('retry')}</Button>
          </MessageBarActions>
        )}
      </MessageBar>
    );
  }
  if (isEmpty?.(load.data)) return <p>{t('empty')}</p>;
  return <>{children(load.data)}</>;
}
