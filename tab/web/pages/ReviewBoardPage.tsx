import { Button, Field, makeStyles, Select, Table, TableBody, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useState } from 'react';
import { PROPOSAL_STATE_LABELS, TRACK_LABELS } from '../../../shared/i18n/labels.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { LoadView } from '../components/LoadView.js';
import { saveFile } from '../components/save-file.js';
import { Section } from '../components/Section.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/locale-context.js';
import type { ProposalState } from '../models/api-contract.js';
import { programmeApi } from '../services/programme-api.js';
import { ReviewRow } from './review/ReviewRow.js';

const STATES: ProposalState[] = ['submitted', 'underReview', 'acceptedMidYear', 'acceptedNextYear', 'deferred', 'rejected', 'withdrawn'];

// The table lays out fixed: narrow columns get a width, the proposal takes what is left, so the
// board fits the tab from 1024 px up without scrolling sideways.
const useStyles = makeStyles({
  select: { width: '3rem' },
  receipt: { width: '7.5rem' },
  origin: { width: '15%' },
  state: { width: '11%' },
  actions: { width: '24%' },
});

/** The secretariat's board: filter by state and track, read each proposal, bulk move to review, decide with a reason, notes, CSV and Excel. */
export function ReviewBoardPage() {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const [state, setState] = useState('');
  const [track, setTrack] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>();
  const board = useLoad(() => programmeApi.reviewBoard({ state, track }), [state, track]);
  const toggleIn = (set: typeof setSelected) => (id: string, on: boolean) =>
    set((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const toggle = toggleIn(setSelected);
  const expand = toggleIn(setExpanded);
  const shown = board.state === 'ready' ? board.data : [];
  const allExpanded = shown.length > 0 && shown.every((proposal) => expanded.has(proposal.id));
  const startReview = async () => {
    setError(undefined);
    try {
      await programmeApi.startReviews([...selected]);
      setSelected(new Set());
      board.reload();
    } catch (caught) {
      setError(caught);
    }
  };
  const exportAs = async (format: 'csv' | 'xlsx') => {
    try {
      saveFile(await (format === 'csv' ? programmeApi.exportCsv() : programmeApi.exportXlsx()));
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <Section title={t('navReview')}>
      <div style={{ display: 'flex', gap: 12, alignItems: 'end', flexWrap: 'wrap' }}>
        <Field label={t('state')}>
          <Select value={state} onChange={(_, data) => setState(data.value)}>
            <option value="">{t('all')}</option>
            {STATES.map((value) => (
              <option key={value} value={value}>
                {PROPOSAL_STATE_LABELS[value][locale]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('track')}>
          <Select value={track} onChange={(_, data) => setTrack(data.value)}>
            <option value="">{t('all')}</option>
            <option value="department">{TRACK_LABELS.department[locale]}</option>
            <option value="individual">{TRACK_LABELS.individual[locale]}</option>
          </Select>
        </Field>
        <Button appearance="primary" disabled={selected.size === 0} onClick={() => void startReview()}>
          {t('startReview')}
        </Button>
        <Button onClick={() => void exportAs('csv')}>{t('exportCsv')}</Button>
        <Button onClick={() => void exportAs('xlsx')}>{t('exportXlsx')}</Button>
        <Button
          disabled={shown.length === 0}
          aria-pressed={allExpanded}
          onClick={() => setExpanded(allExpanded ? new Set() : new Set(shown.map((proposal) => proposal.id)))}
        >
          {allExpanded ? t('hideAllContent') : t('showAllContent')}
        </Button>
      </div>
      <ErrorNotice error={error} />
      <LoadView load={board} reload={board.reload} isEmpty={(list) => list.length === 0}>
        {(list) => (
          <Table aria-label={t('navReview')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.select}>{t('select')}</TableHeaderCell>
                <TableHeaderCell className={styles.receipt}>{t('receipt')}</TableHeaderCell>
                <TableHeaderCell>{t('title')}</TableHeaderCell>
                <TableHeaderCell className={styles.origin}>{t('proposalOrigin')}</TableHeaderCell>
                <TableHeaderCell className={styles.state}>{t('state')}</TableHeaderCell>
                <TableHeaderCell className={styles.actions}>{t('actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.map((proposal) => (
                <ReviewRow
                  key={proposal.id}
                  proposal={proposal}
                  selected={selected.has(proposal.id)}
                  onSelect={(on) => toggle(proposal.id, on)}
                  expanded={expanded.has(proposal.id)}
                  onExpand={(on) => expand(proposal.id, on)}
                  onChanged={board.reload}
                  onError={setError}
                />
              ))}
            </TableBody>
          </Table>
        )}
      </LoadView>
    </Section>
  );
}
