import type { ConnectorStandIn } from '../../tests/support/connector-stand-in.js';

/** People of the demo directory who write to the bot, so identity look-ups and conversation references are not all one row. */
const DEMO_SENDERS = [
  'chiiki-gyosei.shunin',
  'zaisei.kacho',
  'somu.kacho',
  'jinji.kacho',
  'dx.kacho',
  'kanmin-renkei.kacho',
  'seisaku-kikaku.kacho',
  'chiiki-gyosei.kacho',
  'dx.fukusanji',
  'kucho',
];

export interface SenderAccount {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
}

/** Their Teams accounts, each made known to the connector stand-in as the member of its personal chat. */
export function demoSenders(connector: ConnectorStandIn): SenderAccount[] {
  return DEMO_SENDERS.map((upn, index) => {
    const account = { id: `29:${upn}`, name: upn, aadObjectId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}` };
    connector.setMembers(`a:1personal-${account.aadObjectId}`, [{ ...account, userPrincipalName: `${upn}@example.jp` }]);
    return account;
  });
}
