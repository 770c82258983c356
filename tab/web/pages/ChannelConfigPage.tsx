import { Field, Radio, RadioGroup, Select, Text, Title3 } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { hrefOf } from '../components/use-hash-route.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/locale-context.js';
import type { Locale } from '../../../shared/i18n/locale.js';
import type { BodyDto, ProjectTeamSummaryDto } from '../models/api-contract.js';
import { programmeApi } from '../services/programme-api.js';
import { onChannelTabSave, savedChannelTabEntityId, setChannelTabValidity, type ChannelTabConfig } from '../services/teams-host.js';

type Kind = 'pt' | 'body' | 'calls';

interface Choices {
  readonly pts: readonly ProjectTeamSummaryDto[];
  readonly bodies: readonly BodyDto[];
}

/** The PTs the tab API lists and the two bodies whose meetings a channel may follow. */
async function loadChoices(): Promise<Choices> {
  const [pts, bodies] = await Promise.all([programmeApi.projectTeams({}), programmeApi.bodies()]);
  return { pts, bodies: bodies.filter((body) => body.kind === 'hq' || body.kind === 'council') };
}

/** The tab's own address for a hash route: `https://<host>/tab/#/pts/2-24`. */
function tabUrl(route: string): string {
  return `${window.location.origin}/tab/${route}`;
}

/** Teams caps a tab's name; the suggestion stays short enough to read in the tab strip. */
function shortName(name: string): string {
  return name.length > 30 ? `${name.slice(0, 29)}…` : name;
}

function configOf(kind: Kind | undefined, id: string, choices: Choices | undefined, locale: Locale, callsName: string): ChannelTabConfig | undefined {
  if (kind === 'calls') {
    const url = tabUrl(hrefOf('proposals'));
    return { contentUrl: url, websiteUrl: url, entityId: 'calls', suggestedDisplayName: callsName };
  }
  if (kind === 'pt') {
    const pt = choices?.pts.find((candidate) => candidate.id === id);
    if (!pt) return undefined;
    const url = tabUrl(hrefOf('pts', pt.id));
    return { contentUrl: url, websiteUrl: url, entityId: `pt:${pt.id}`, suggestedDisplayName: shortName(`PT ${pt.items} ${pt.title}`) };
  }
  if (kind === 'body') {
    const body = choices?.bodies.find((candidate) => candidate.id === id);
    if (!body) return undefined;
    const url = tabUrl(hrefOf('bodies', body.id));
    return { contentUrl: url, websiteUrl: url, entityId: `body:${body.id}`, suggestedDisplayName: shortName(locale === 'ja' ? body.name : body.nameEn) };
  }
  return undefined;
}

/** The choice a saved `entityId` stands for (`pt:<id>`, `body:<id>`, `calls`), as `configOf` writes them. */
function savedChoice(entityId: string): { kind: Kind; id: string } | undefined {
  if (entityId === 'calls') return { kind: 'calls', id: '' };
  const [prefix, ...rest] = entityId.split(':');
  const id = rest.join(':');
  if (!id) return undefined;
  return prefix === 'pt' ? { kind: 'pt', id } : prefix === 'body' ? { kind: 'body', id } : undefined;
}

/**
 * The channel tab's configuration page (manifest `configurationUrl`, `/tab/config`): the channel
 * picks a PT's page, a body's meetings or the calls; Save stays disabled until a choice is made,
 * and saving stores the chosen page's hash route as the tab's `contentUrl`.
 */
export function ChannelConfigPage({ inTeams }: { inTeams: boolean }) {
  const { t, locale } = useI18n();
  const choices = useLoad(loadChoices, []);
  const [kind, setKind] = useState<Kind>();
  const [id, setId] = useState('');
  const data = choices.state === 'ready' ? choices.data : undefined;
  const config = configOf(kind, id, data, locale, t('configCallsName'));
  const current = useRef(config);
  useEffect(() => {
    current.current = config;
  });

  useEffect(() => {
    if (inTeams) onChannelTabSave(() => current.current);
  }, [inTeams]);
  // Reconfiguring: start from what the tab shows now, unless the person has already chosen.
  const chosen = useRef(false);
  useEffect(() => {
    if (!inTeams) return;
    void savedChannelTabEntityId().then((entityId) => {
      const saved = entityId ? savedChoice(entityId) : undefined;
      if (!saved || chosen.current) return;
      setKind(saved.kind);
      setId(saved.id);
    });
  }, [inTeams]);
  const valid = config !== undefined;
  useEffect(() => {
    if (inTeams) setChannelTabValidity(valid);
  }, [inTeams, valid]);

  const choose = (next: Kind) => {
    chosen.current = true;
    setKind(next);
    setId('');
  };

  const pick = (next: string) => {
    chosen.current = true;
    setId(next);
  };

  return (
    <main style={{ padding: 24, display: 'flex', flexDirection: 'column', gap: 16, maxWidth: 640 }}>
      <Title3 as="h1">{t('configTitle')}</Title3>
      <Text>{t('configIntro')}</Text>
      <RadioGroup aria-label={t('configTitle')} value={kind ?? ''} onChange={(_, { value }) => choose(value as Kind)}>
        <Radio value="pt" label={t('configKindPt')} />
        <Radio value="body" label={t('configKindBody')} />
        <Radio value="calls" label={t('configKindCalls')} />
      </RadioGroup>
      {choices.state === 'error' && <Text role="alert">{choices.message}</Text>}
      {kind === 'pt' && (
        <Field label={t('configChoosePt')}>
          <Select data-testid="config-pt" value={id} disabled={!data} onChange={(_, { value }) => pick(value)}>
            <option value="">{t('configChoosePlaceholder')}</option>
            {data?.pts.map((pt) => (
              <option key={pt.id} value={pt.id}>{`${pt.items} ${pt.title}`}</option>
            ))}
          </Select>
        </Field>
      )}
      {kind === 'body' && (
        <Field label={t('configChooseBody')}>
          <Select data-testid="config-body" value={id} disabled={!data} onChange={(_, { value }) => pick(value)}>
            <option value="">{t('configChoosePlaceholder')}</option>
            {data?.bodies.map((body) => (
              <option key={body.id} value={body.id}>
                {locale === 'ja' ? body.name : body.nameEn}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {config && <Text data-testid="config-chosen">{t('configChosen', { name: config.suggestedDisplayName })}</Text>}
    </main>
  );
}
