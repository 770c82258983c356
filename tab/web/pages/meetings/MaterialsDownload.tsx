import { Button, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { saveFile } from '../../components/save-file.js';
import { Section } from '../../components/Section.js';
import { useI18n } from '../../i18n/locale-context.js';
import { programmeApi } from '../../services/programme-api.js';

/** 会議資料: the Word pack of a convened meeting, for its secretariat and administrators. */
export function MaterialsDownload({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const download = async () => {
    setBusy(true);
    setError(undefined);
    try {
      saveFile(await programmeApi.meetingMaterials(meetingId));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title={t('materials')}>
      <Text>{t('materialsHint')}</Text>
      <div>
        <Button appearance="primary" disabled={busy} onClick={() => void download()}>
          {t('downloadMaterials')}
        </Button>
      </div>
      <ErrorNotice error={error} />
    </Section>
  );
}
