import {
  Badge,
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { DECISION_NEXT_STEPS, PERSPECTIVE_LABELS, PROPOSAL_STATE_LABELS, TRACK_LABELS } from '../../../shared/i18n/labels.js';
import { isDecision } from '../../../shared/proposals/proposal.js';
import { asksCurrentItemIssues, PROPOSAL_LIMITS } from '../../../shared/proposals/proposal-content.js';
import { CURRENT_ITEM_ISSUES_HINT, currentItemIssuesLabel } from '../../../shared/i18n/item-issues-label.js';
import { DateText } from '../components/DateText.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { PlanPeriod } from '../components/PlanSummary.js';
import { LoadView } from '../components/LoadView.js';
import { Section } from '../components/Section.js';
import { hrefOf } from '../components/use-hash-route.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/locale-context.js';
import type { CallDto, PlanDto, ProposalDto, ViewerDto } from '../models/api-contract.js';
import { programmeApi, type ProposalForm } from '../services/programme-api.js';

/**
 * A PT-theme call's form names the plan's period and offers the three perspectives as the
 * document words them (５（４）), each with its ねらい, so the proposer picks one knowing what it is for.
 */
function PerspectiveField({ plan, value, onChange }: { plan: PlanDto | undefined; value: string | undefined; onChange: (value: string) => void }) {
  const { t, locale } = useI18n();
  const perspectives = plan?.perspectives ?? [];
  return (
    <>
      {plan && <PlanPeriod plan={plan} />}
      <Field label={t('perspective')} required>
        <RadioGroup value={value ?? ''} onChange={(_, data) => onChange(data.value)} data-perspective-choice>
          {perspectives.map((perspective) => (
            <Radio
              key={perspective.id}
              value={perspective.id}
              label={
                <span>
                  <Text block>
                    {PERSPECTIVE_LABELS[perspective.id][locale]}: {perspective.viewpoint}
                  </Text>
                  <Text block size={200}>
                    {t('perspectiveAim')}: {perspective.aim}
                  </Text>
                </span>
              }
            />
          ))}
        </RadioGroup>
      </Field>
    </>
  );
}

function ProposalEditor({
  viewer,
  calls,
  plan,
  draft,
  onDone,
}: {
  viewer: ViewerDto;
  calls: CallDto[];
  plan?: PlanDto | undefined;
  draft?: ProposalDto | undefined;
  onDone: (message: string) => void;
}) {
  const { t, locale } = useI18n();
  const [proposalId] = useState(() => draft?.id ?? crypto.randomUUID());
  const openCalls = calls.filter((call) => call.open || call.id === draft?.callId);
  const [form, setForm] = useState<ProposalForm>({
    callId: draft?.callId ?? openCalls[0]?.id ?? '',
    track: draft?.track ?? (viewer.grade === 'director' || viewer.grade === 'sectionChief' ? 'department' : 'individual'),
    title: draft?.title ?? '',
    summary: draft?.summary ?? '',
    relatedItem: draft?.relatedItemKey ?? '',
    expectedEffect: draft?.expectedEffect ?? '',
    currentItemIssues: draft?.currentItemIssues ?? '',
    perspective: draft?.perspective,
  });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const call = openCalls.find((candidate) => candidate.id === form.callId);
  const set = (field: keyof ProposalForm) => (_: unknown, data: { value: string }) => setForm((current) => ({ ...current, [field]: data.value }));
  const asksItemIssues = call?.kind !== undefined && form.track !== undefined && asksCurrentItemIssues(call.kind, form.track);
  const payload = (): ProposalForm => ({
    ...form,
    departmentUnitId: form.track === 'department' ? viewer.department?.id : undefined,
    currentItemIssues: asksItemIssues ? form.currentItemIssues : undefined,
    perspective: call?.kind === 'ptTheme' ? form.perspective : undefined,
  });
  const run = async (action: 'save' | 'submit') => {
    setBusy(true);
    setError(undefined);
    try {
      if (action === 'save') {
        await programmeApi.saveDraft(proposalId, payload());
        onDone(t('saved'));
      } else {
        const submitted = await programmeApi.submitProposal(proposalId, payload());
        onDone(t('submitted', { receipt: submitted.receiptNumber ?? '' }));
      }
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  if (openCalls.length === 0) return <Text>{t('noOpenCall')}</Text>;
  return (
    <form onSubmit={(event) => event.preventDefault()} aria-label={t('newProposal')} style={{ display: 'grid', gap: 12, maxWidth: 720 }}>
      <Field label={t('call')} required>
        <Select value={form.callId} onChange={set('callId')}>
          {openCalls.map((option) => (
            <option key={option.id} value={option.id}>
              {option.title}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('track')}>
        <Select value={form.track} onChange={set('track')}>
          {(call?.tracks ?? []).map((track) => (
            <option key={track.kind} value={track.kind} disabled={!track.open}>
              {TRACK_LABELS[track.kind][locale]}
            </option>
          ))}
        </Select>
      </Field>
      {form.track === 'department' && (
        <Text>
          {t('department')}: {viewer.department?.name ?? '—'}
        </Text>
      )}
      <Field label={t('title')} required>
        <Input name="title" value={form.title} onChange={set('title')} maxLength={PROPOSAL_LIMITS.title} />
      </Field>
      <Field label={t('summary')} required>
        <Textarea name="summary" value={form.summary} onChange={set('summary')} maxLength={PROPOSAL_LIMITS.summary} rows={5} />
      </Field>
      <Field label={t('relatedItem')}>
        <Input name="relatedItem" value={form.relatedItem} onChange={set('relatedItem')} maxLength={20} />
      </Field>
      <Field label={t('expectedEffect')} required>
        <Textarea name="expectedEffect" value={form.expectedEffect} onChange={set('expectedEffect')} maxLength={PROPOSAL_LIMITS.expectedEffect} rows={3} />
      </Field>
      {asksItemIssues && call && (
        <Field label={currentItemIssuesLabel(call.fiscalYear, locale)} hint={CURRENT_ITEM_ISSUES_HINT[locale]}>
          <Textarea
            name="currentItemIssues"
            value={form.currentItemIssues ?? ''}
            onChange={set('currentItemIssues')}
            maxLength={PROPOSAL_LIMITS.currentItemIssues}
            rows={4}
          />
        </Field>
      )}
      {call?.kind === 'ptTheme' && (
        <PerspectiveField plan={plan} value={form.perspective} onChange={(perspective) => setForm((current) => ({ ...current, perspective }))} />
      )}
      <ErrorNotice error={error} />
      <div style={{ display: 'flex', gap: 8 }}>
        <Button disabled={busy} onClick={() => void run('save')}>
          {t('saveDraft')}
        </Button>
        <Button disabled={busy} appearance="primary" onClick={() => void run('submit')}>
          {t('submit')}
        </Button>
      </div>
    </form>
  );
}

/** 提案: my proposals (draft, edit until the deadline, submit, withdraw) through the same use cases as the bot. */
export function ProposalsPage({ id }: { id?: string | undefined }) {
  const { t, locale } = useI18n();
  // The id of the proposal being edited, 'new' for a new draft, undefined for the list. A link to
  // one of the person's proposals (`#/proposals/<id>`, as cards and unfurled links give it) opens the
  // editor only while that proposal can still be edited; otherwise its row is shown and marked.
  const [editing, setEditing] = useState<string | undefined>(id);
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<unknown>();
  const data = useLoad(async () => {
    // The plan (period, perspectives) only dresses the PT-theme form: the page works without it.
    const [viewer, calls, mine, plan] = await Promise.all([
      programmeApi.me(),
      programmeApi.calls(),
      programmeApi.myProposals(),
      programmeApi.plan().catch(() => undefined),
    ]);
    return { viewer, calls, mine, plan };
  }, []);
  const done = (message: string) => {
    setNotice(message);
    setEditing(undefined);
    data.reload();
  };
  const withdraw = async (proposalId: string) => {
    setError(undefined);
    try {
      await programmeApi.withdrawProposal(proposalId);
      data.reload();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <LoadView load={data} reload={data.reload}>
      {({ viewer, calls, mine, plan }) => {
        const draft = editing && editing !== 'new' ? mine.find((proposal) => proposal.id === editing && proposal.editable) : undefined;
        const editorOpen = editing === 'new' || draft !== undefined;
        return (
          <>
            {notice && (
              <MessageBar intent="success" role="status">
                <MessageBarBody>{notice}</MessageBarBody>
              </MessageBar>
            )}
            <ErrorNotice error={error} />
            {editorOpen ? (
              <Section title={t('newProposal')}>
                <ProposalEditor key={editing} viewer={viewer} calls={calls} plan={plan} draft={draft} onDone={done} />
                <Button appearance="subtle" onClick={() => setEditing(undefined)}>
                  {t('cancel')}
                </Button>
              </Section>
            ) : (
              <Button
                appearance="primary"
                onClick={() => {
                  setNotice(undefined);
                  setEditing('new');
                }}
                style={{ marginBottom: 12 }}
              >
                {t('newProposal')}
              </Button>
            )}
            <Section title={t('myProposals')}>
              {mine.length === 0 ? (
                <Text>{t('empty')}</Text>
              ) : (
                <Table aria-label={t('myProposals')}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>{t('title')}</TableHeaderCell>
                      <TableHeaderCell>{t('state')}</TableHeaderCell>
                      <TableHeaderCell>{t('receipt')}</TableHeaderCell>
                      <TableHeaderCell>{t('actions')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {mine.map((proposal) => (
                      <TableRow
                        key={proposal.id}
                        data-proposal-id={proposal.id}
                        aria-current={!editorOpen && proposal.id === id ? 'true' : undefined}
                        ref={!editorOpen && proposal.id === id ? scrollIntoView : undefined}
                        style={!editorOpen && proposal.id === id ? { backgroundColor: tokens.colorNeutralBackground1Selected } : undefined}
                      >
                        <TableCell>
                          {proposal.title || '—'} <Text size={200}>({proposal.callTitle})</Text>
                        </TableCell>
                        <TableCell>
                          <Badge appearance="tint">{PROPOSAL_STATE_LABELS[proposal.state][locale]}</Badge>
                          {isDecision(proposal.state) && (
                            <div data-testid="decision">
                              {proposal.decidedAt && (
                                <Text block size={200}>
                                  {t('decidedAt')}: <DateText value={proposal.decidedAt} />
                                </Text>
                              )}
                              {proposal.decisionReason && (
                                <Text block>
                                  {t('reason')}: {proposal.decisionReason}
                                </Text>
                              )}
                              <Text block size={200}>
                                {t('nextSteps')}: {DECISION_NEXT_STEPS[proposal.state][locale]}
                              </Text>
                            </div>
                          )}
                        </TableCell>
                        <TableCell>
                          {proposal.receiptNumber ?? '—'} {proposal.submittedAt && <DateText value={proposal.submittedAt} withTime />}
                        </TableCell>
                        <TableCell>
                          {proposal.editable && (
                            <Link href={hrefOf('proposals', proposal.id)} onClick={() => setEditing(proposal.id)}>
                              {t('edit')}
                            </Link>
                          )}{' '}
                          {(proposal.state === 'draft' || proposal.state === 'submitted') && (
                            <Button size="small" onClick={() => void withdraw(proposal.id)}>
                              {t('withdraw')}
                            </Button>
                          )}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </Section>
          </>
        );
      }}
    </LoadView>
  );
}

/** Brings the row a link named into view once it is drawn. */
function scrollIntoView(element: HTMLElement | null): void {
  element?.scrollIntoView({ block: 'center' });
}
