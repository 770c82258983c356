/**
 * Every chat command the bot understands, in both languages. The bot's router, the help card and
 * the Teams manifest's `commandLists` are all generated from this one list, so they cannot drift.
 */
export type ConversationScope = 'personal' | 'groupChat' | 'team';

export type CommandId =
  | 'help'
  | 'meetings'
  | 'convene'
  | 'pts'
  | 'pt'
  | 'calls'
  | 'propose'
  | 'myProposals'
  | 'tasks'
  | 'review'
  | 'practices'
  | 'recruit'
  | 'subscribe'
  | 'unsubscribe'
  | 'language';

export interface CommandDefinition {
  readonly id: CommandId;
  /** Names typed by users; the first of each list is the one shown in menus. */
  readonly names: { readonly ja: readonly string[]; readonly en: readonly string[] };
  /** Argument hint shown in help and the manifest, per language; empty when the command takes none. */
  readonly argumentHint: { readonly ja: string; readonly en: string };
  readonly description: { readonly ja: string; readonly en: string };
  readonly scopes: readonly ConversationScope[];
  /** Listed in the manifest's command menu (Teams allows at most 10 per scope). */
  readonly inManifestMenu: boolean;
}

const ALL_SCOPES: readonly ConversationScope[] = ['personal', 'groupChat', 'team'];

export const COMMANDS: readonly CommandDefinition[] = [
  {
    id: 'help',
    names: { ja: ['ヘルプ'], en: ['help'] },
    argumentHint: { ja: '', en: '' },
    description: { ja: '使えるコマンドの一覧', en: 'List the commands you can use' },
    scopes: ALL_SCOPES,
    inManifestMenu: true,
  },
  {
    id: 'meetings',
    names: { ja: ['会議'], en: ['meetings'] },
    argumentHint: { ja: '[本部/推進会議/PT番号]', en: '[body]' },
    description: { ja: '今後の会議と出欠', en: 'Upcoming meetings and your RSVP' },
    scopes: ALL_SCOPES,
    inManifestMenu: true,
  },
  {
    id: 'convene',
    names: { ja: ['招集'], en: ['convene'] },
    argumentHint: { ja: '', en: '' },
    description: { ja: '会議を招集する（本部長・議長・庶務）', en: 'Convene a meeting (chairs and secretariat)' },
    scopes: ALL_SCOPES,
    inManifestMenu: false,
  },
  {
    id: 'pts',
    names: { ja: ['PT一覧'], en: ['pts'] },
    argumentHint: { ja: '', en: '' },
    description: { ja: 'PTの一覧（区分別）', en: 'Project teams by category' },
    scopes: ALL_SCOPES,
    inManifestMenu: true,
  },
  {
    id: 'pt',
    names: { ja: ['PT'], en: ['pt'] },
    argumentHint: { ja: '<個票番号>', en: '<item>' },
    description: { ja: 'PTの検討内容・事務局・メンバー', en: "One PT's topics, secretariat and members" },
    scopes: ALL_SCOPES,
    inManifestMenu: true,
  },
  {
    id: 'calls',
    names: { ja: ['募集'], en: ['calls'] },
    argumentHint: { ja: '', en: '' },
    description: { ja: '受付中の提案募集と締切', en: 'Open calls for proposals and their deadlines' },
    scopes: ALL_SCOPES,
    inManifestMenu: true,
  },
  {
    id: 'propose',
    names: { ja: ['提案'], en: ['propose'] },
    argumentHint: { ja: '', en: '' },
    description: { ja: '新規取組みを提案する', en: 'Submit a new initiative proposal' },
    scopes: ['personal'],
    inManifestMenu: true,
  },
  {
    id: 'myProposals',
    names: { ja: ['自分の提案'], en: ['my proposals'] },
    argumentHint: { ja: '', en: '' },
    description: { ja: '自分の提案と受付番号', en: 'Your proposals and receipt numbers' },
    scopes: ['personal'],
    inManifestMenu: true,
  },
  {
    id: 'tasks',
    names: { ja: ['自分のタスク', 'タスク'], en: ['tasks', 'my tasks'] },
    argumentHint: { ja: '', en: '' },
    description: { ja: '会議で決まった自分（自分の課）の対応事項', en: 'Action items from meetings for you or your unit' },
    scopes: ['personal'],
    inManifestMenu: false,
  },
  {
    id: 'review',
    names: { ja: ['審査'], en: ['review'] },
    argumentHint: { ja: '', en: '' },
    description: { ja: '提出された提案の審査（事務局）', en: 'Review submitted proposals (secretariat)' },
    // In the secretariat's channel the queue is shared: reviewers see buttons, others the status.
    scopes: ALL_SCOPES,
    inManifestMenu: false,
  },
  {
    id: 'practices',
    names: { ja: ['好事例'], en: ['practices'] },
    argumentHint: { ja: '[語]', en: '[words]' },
    description: { ja: '好事例・先進事例を探す', en: 'Search the good-practice catalogue' },
    scopes: ALL_SCOPES,
    inManifestMenu: true,
  },
  {
    id: 'recruit',
    names: { ja: ['公募'], en: ['recruit'] },
    argumentHint: { ja: '', en: '' },
    description: { ja: '提案型PTのメンバー公募', en: 'Open recruitments for proposal-based PTs' },
    scopes: ALL_SCOPES,
    inManifestMenu: true,
  },
  {
    id: 'subscribe',
    names: { ja: ['通知登録'], en: ['subscribe'] },
    argumentHint: { ja: '', en: '' },
    description: { ja: 'この会話で受け取る通知を選ぶ', en: 'Choose the notifications this conversation receives' },
    scopes: ALL_SCOPES,
    inManifestMenu: true,
  },
  {
    id: 'unsubscribe',
    names: { ja: ['通知解除'], en: ['unsubscribe'] },
    argumentHint: { ja: '', en: '' },
    description: { ja: 'この会話の通知を止める', en: 'Stop notifications in this conversation' },
    scopes: ALL_SCOPES,
    inManifestMenu: false,
  },
  {
    id: 'language',
    names: { ja: ['言語'], en: ['language'] },
    argumentHint: { ja: '[日本語/英語]', en: '[ja/en]' },
    description: { ja: '表示する言語を選ぶ（タブと通知にも反映）', en: 'Choose your language (the tab and notifications follow)' },
    scopes: ALL_SCOPES,
    inManifestMenu: false,
  },
];

/** The commands available in a conversation scope. */
export function commandsForScope(scope: ConversationScope): CommandDefinition[] {
  return COMMANDS.filter((command) => command.scopes.includes(scope));
}
