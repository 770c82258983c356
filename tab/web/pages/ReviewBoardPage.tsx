import { Badge, Button, Checkbox, Field, Input, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { PROPOSAL_STATE_LABELS, TRACK_LABELS } from '../../../shared/i18n/labels.js';
import { DateText } from '../components/DateText.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { LoadView } from '../components/LoadView.js';
import { Section } from '../components/Section.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/locale-context.js';
import type { Decision, ProposalState, ReviewProposalDto } from '../models/api-contract.js';
import { programmeApi } from '../services/programme-api.js';

const DECISIONS: Decision[] = ['acceptedMidYear', 'acceptedNextYear', 'deferred', 'rejected'];
const STATES: ProposalState[] = ['submitted', 'underReview', 'acceptedMidYear', 'acceptedNextYear', 'deferred', 'rejected', 'withdrawn'];

function ReviewActions({ proposal, onChanged, onError }: { proposal: ReviewProposalDto; onChanged: () => void; onError: (error: unknown) => void }) {
  const { t, locale } = useI18n();
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
    <div style={{ display: 'grid', gap: 4 }}>
      {proposal.state === 'underReview' && (
        <div style={{ display: 'flex', gap: 4, alignItems: 'end', flexWrap: 'wrap' }}>
          <Field label={t('decision')} size="small">
            <Select size="small" value={decision} onChange={(_, data) => setDecision(data.value as Decision)}>
              {DECISIONS.map((value) => <option key={value} value={value}>{PROPOSAL_STATE_LABELS[value][locale]}</option>)}
            </Select>
          </Field>
          <Field label={t('reason')} size="small">
            <Input size="small" value={reason} onChange={(_, data) => setReason(data.value)} maxLength={2000} />
          </Field>
          <Button size="small" onClick={() => void act(() => programmeApi.decide(proposal.id, decision, reason))}>{t('decide')}</Button>
        </div>
      )}
      {proposal.notes.map((item, index) => (
        <Text key={index} size={200}>
          {item.authorName} (<DateText value={item.at} />): {item.text}
        </Text>
      ))}
      <div style={{ display: 'flex', gap: 4, alignItems: 'end' }}>
        <Field label={t('notes')} size="small">
          <Input size="small" value={note} onChange={(_, data) => setNote(data.value)} maxLength={2000} />
        </Field>
        <Button size="small" onClick={() => void act(async () => { await programmeApi.addNote(proposal.id, note); setNote(''); })}>{t('addNote')}</Button>
      </div>
    </div>
  );
}

/** The secretariat's board: filter by state and track, bulk move to review, decide with a reason, notes, CSV. */
export function ReviewBoardPage() {
  const { t, locale } = useI18n();
  const [state, setState] = useState('');
  const [track, setTrack] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>();
  const board = useLoad(() => programmeApi.reviewBoard({ state, track }), [state, track]);
  const toggle = (id: string, on: boolean) => setSelected((current) => { const next = new Set(current); if (on) next.add(id); else next.delete(id); return next; });
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
  const exportCsv = async () => {
    try {
      const { blob, filename } = await programmeApi.exportCsv();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = filename;
      link.click();
      URL.revokeObjectURL(link.href);
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
            {STATES.map((value) => <option key={value} value={value}>{PROPOSAL_STATE_LABELS[value][locale]}</option>)}
          </Select>
        </Field>
        <Field label={t('track')}>
          <Select value={track} onChange={(_, data) => setTrack(data.value)}>
            <option value="">{t('all')}</option>
            <option value="department">{TRACK_LABELS.department[locale]}</option>
            <option value="individual">{TRACK_LABELS.individual[locale]}</option>
          </Select>
        </Field>
        <Button appearance="primary" disabled={selected.size === 0} onClick={() => void startReview()}>{t('startReview')}</Button>
        <Button onClick={() => void exportCsv()}>{t('exportCsv')}</Button>
      </div>
      <ErrorNotice error={error} />
      <LoadView load={board} reload={board.reload} isEmpty={(list) => list.length === 0}>
        {(list) => (
          <Table aria-label={t('navReview')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('select')}</TableHeaderCell>
                <TableHeaderCell>{t('receipt')}</TableHeaderCell>
                <TableHeaderCell>{t('title')}</TableHeaderCell>
                <TableHeaderCell>{t('author')}</TableHeaderCell>
                <TableHeaderCell>{t('state')}</TableHeaderCell>
                <TableHeaderCell />
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.map((proposal) => (
                <TableRow key={proposal.id} data-proposal-id={proposal.id}>
                  <TableCell>
                    <Checkbox aria-label={`${t('select')} ${proposal.title}`} disabled={proposal.state !== 'submitted'} checked={selected.has(proposal.id)} onChange={(_, data) => toggle(proposal.id, data.checked === true)} />
                  </TableCell>
                  <TableCell>{proposal.receiptNumber}</TableCell>
                  <TableCell>
                    <Text weight="semibold">{proposal.title}</Text>
                    <br />
                    <Text size={200}>{TRACK_LABELS[proposal.track][locale]}{proposal.departmentName ? ` · ${proposal.departmentName}` : ''}</Text>
                  </TableCell>
                  <TableCell>{proposal.authorName}{proposal.authorUnitName ? `（${proposal.authorUnitName}）` : ''}</TableCell>
                  <TableCell>
                    <Badge appearance="tint">{PROPOSAL_STATE_LABELS[proposal.state][locale]}</Badge>
                    {proposal.decisionReason ? ` ${proposal.decisionReason}` : ''}
                  </TableCell>
                  <TableCell>
                    <ReviewActions proposal={proposal} onChanged={board.reload} onError={setError} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </LoadView>
    </Section>
  );
}
