import { Button, Field, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { PROPOSAL_STATE_LABELS } from '../../../../shared/i18n/labels.js';
import { DateText } from '../../components/DateText.js';
import { useI18n } from '../../i18n/locale-context.js';
import type { Decision, ReviewProposalDto } from '../../models/api-contract.js';
import { programmeApi } from '../../services/programme-api.js';

const DECISIONS: Decision[] = ['acceptedMidYear', 'acceptedNextYear', 'deferred', 'rejected'];

// Everything stacks and shrinks to the column: a field never pushes its button out of the cell.
const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalS, minWidth: 0 },
  field: { minWidth: 0 },
  control: { width: '100%', minWidth: 0 },
  inline: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'end' },
  grow: { flex: '1 1 8rem', minWidth: 0 },
  button: { flexShrink: 0, maxWidth: '100%', whiteSpace: 'normal' },
  note: { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
});

/** The action column: a decision with its reason while under review, then the private notes. */
export function ReviewActions({ proposal, onChanged, onError }: { proposal: ReviewProposalDto; onChanged: () => void; onError: (error: unknown) => void }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const [decision, setDecision] = useState<Decision>('acceptedNextYear');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const act = async (work: () => Promise<unknown>) => {
    onError(undefined);
    try {
      await work();
      onChanged();
    } catch (caught) {
      onError(caught);
    }
  };
  return (
    <div className={styles.root}>
      {proposal.state === 'underReview' && (
        <>
          <Field label={t('decision')} size="small" className={styles.field}>
            <Select size="small" className={styles.control} value={decision} onChange={(_, data) => setDecision(data.value as Decision)}>
              {DECISIONS.map((value) => (
                <option key={value} value={value}>
                  {PROPOSAL_STATE_LABELS[value][locale]}
                </option>
              ))}
            </Select>
          </Field>
          <div className={styles.inline}>
            <Field label={t('reason')} size="small" className={styles.grow}>
              <Input size="small" className={styles.control} value={reason} onChange={(_, data) => setReason(data.value)} maxLength={2000} />
            </Field>
            <Button size="small" className={styles.button} onClick={() => void act(() => programmeApi.decide(proposal.id, decision, reason))}>
              {t('decide')}
            </Button>
          </div>
        </>
      )}
      {proposal.notes.map((item, index) => (
        <Text key={index} size={200} className={styles.note}>
          {item.authorName} (<DateText value={item.at} />
          ): {item.text}
        </Text>
      ))}
      <div className={styles.inline}>
        <Field label={t('notes')} size="small" className={styles.grow}>
          <Input size="small" className={styles.control} value={note} onChange={(_, data) => setNote(data.value)} maxLength={2000} />
        </Field>
        <Button
          size="small"
          className={styles.button}
          onClick={() =>
            void act(async () => {
              await programmeApi.addNote(proposal.id, note);
              setNote('');
            })
          }
        >
          {t('addNote')}
        </Button>
      </div>
    </div>
  );
}
