import { DomainError } from '../domain-error.js';
import { formatDate, formatDateTime } from '../time/reiwa.js';
import { fill, type Locale } from './locale.js';

type Messages = Readonly<Record<string, { ja: string; en: string }>>;

/** Field names as shown next to form inputs and inside messages. */
export const FIELD_LABELS: Messages = {
  title: { ja: '件名', en: 'Title' },
  summary: { ja: '概要', en: 'Summary' },
  expectedEffect: { ja: '期待される効果', en: 'Expected effect' },
  relatedItem: { ja: '関連する個票番号', en: 'Related plan item' },
  perspective: { ja: '視点', en: 'Perspective' },
  currentItemIssues: { ja: '今年度の取組み項目における課題等', en: 'Issues in this year’s plan items' },
  department: { ja: '部', en: 'Department' },
  motivation: { ja: '志望動機', en: 'Motivation' },
  proxyName: { ja: '代理出席者', en: 'Proxy' },
  startsAt: { ja: '開始日時', en: 'Start' },
  endsAt: { ja: '終了日時', en: 'End' },
  reason: { ja: '理由', en: 'Reason' },
  structure: { ja: '体制', en: 'Structure' },
  schedule: { ja: 'スケジュール', en: 'Schedule' },
  progress: { ja: '進捗状況', en: 'Progress' },
  issues: { ja: '課題', en: 'Issues' },
  decisionText: { ja: '決定事項', en: 'Decision' },
  decisions: { ja: '決定事項', en: 'Decisions' },
  actionTitle: { ja: '対応事項', en: 'Action item' },
  actions: { ja: '対応事項', en: 'Action items' },
  doneNote: { ja: '対応内容', en: 'What was done' },
};

/** One message per `DomainError` code, in Japanese and English. */
export const ERROR_MESSAGES: Messages = {
  'time.invalidDate': { ja: '「{value}」は日付（例: 2024-06-14）として読めません。', en: '"{value}" is not a date (e.g. 2024-06-14).' },
  'item.invalidNumber': { ja: '「{value}」は個票番号（例: 1-4）として読めません。', en: '"{value}" is not a plan item number (e.g. 1-4).' },
  'call.notFound': { ja: '募集が見つかりません。', en: 'Call not found.' },
  'call.noSuchTrack': { ja: '「{call}」にはこの受付区分がありません。', en: '"{call}" has no such track.' },
  'call.notYetOpen': { ja: '「{call}」はまだ受付を開始していません。', en: '"{call}" is not open yet.' },
  'call.closed': { ja: '「{call}」の受付は{deadline}で締め切りました。', en: '"{call}" closed on {deadline}.' },
  'meeting.illegalTransition': { ja: 'この会議は「{from}」のため、その操作はできません。', en: 'This meeting is {from}; that change is not possible.' },
  'meeting.invalidTime': { ja: '日時が正しくありません。', en: 'The date and time are not valid.' },
  'meeting.endBeforeStart': { ja: '終了日時は開始日時より後にしてください。', en: 'The end must be after the start.' },
  'meeting.notAttendee': { ja: 'この会議の出席対象ではありません。', en: 'You are not on this meeting’s roster.' },
  'meeting.notAllowedToConveneHq': {
    ja: '{body}を招集できるのは本部長です。本部長に事故があるとき又は欠けたときは、第1順位の副区長が代わって招集します（要綱第3条・第4条）。庶務（政策企画課）は招集案を作成できます。',
    en: 'Only the chair may convene {body}; while the chair is absent or the post is vacant, the 1st-rank deputy mayor does (guidelines art. 3, 4). The secretariat (政策企画課) may prepare a draft convocation.',
  },
  'meeting.notAllowedToPrepare': {
    ja: '{body}の招集案を作成できるのは庶務（政策企画課）の職員です。',
    en: 'Only the secretariat (政策企画課) may prepare a draft convocation of {body}.',
  },
  'absence.notAllowed': {
    ja: '職の事故・欠員を記録できるのは庶務（政策企画課）の職員と管理者です。',
    en: 'Only the secretariat (政策企画課) and administrators may record that a post is absent or vacant.',
  },
  'absence.unknownPost': { ja: 'その職は名簿にありません。', en: 'No such post.' },
  'absence.notFound': { ja: '記録が見つかりません。', en: 'Record not found.' },
  'absence.alreadyEnded': { ja: 'この記録はすでに終了しています。', en: 'This record has already ended.' },
  'absence.invalidTime': { ja: '開始日時が正しくありません。', en: 'The start is not a valid date and time.' },
  'absence.untilBeforeFrom': { ja: '終了日時は開始日時より後にしてください。', en: 'The end must be after the start.' },
  'absence.noteTooLong': { ja: '備考は{max}文字以内で入力してください。', en: 'The note may be at most {max} characters.' },
  'meeting.notAllowedToConveneCouncil': {
    ja: '{body}を招集できるのは議長（政策企画課長）です（要綱第5条第3項）。庶務は招集案を作成できます。',
    en: 'Only the council chair (政策企画課長) may convene {body} (guidelines art. 5(3)); the secretariat may prepare a draft convocation.',
  },
  'meeting.notAllowedToConveneTeam': { ja: '{body}を招集できるのは事務局の職員です。', en: 'Only the secretariat may convene {body}.' },
  'meeting.fieldTooLong': { ja: '場所は{max}文字以内で入力してください。', en: 'The place may be at most {max} characters.' },
  'meeting.invalidUrl': { ja: 'オンライン会議のリンクは https:// で始まるURLを入力してください。', en: 'The online meeting link must be an https:// URL.' },
  'meeting.agendaTooLong': {
    ja: '議題は{items}件まで、各{max}文字以内で入力してください。',
    en: 'Up to {items} agenda items of at most {max} characters each.',
  },
  'meeting.guestsTooLong': {
    ja: '出席者（構成員以外）は{items}名まで、各{max}文字以内で入力してください。',
    en: 'Up to {items} guests, names of at most {max} characters.',
  },
  'meeting.notFound': { ja: '会議が見つかりません。', en: 'Meeting not found.' },
  'materials.notAllowed': {
    ja: '{body}の会議資料を作成できるのは、庶務・事務局の職員と管理者です。',
    en: 'Only the secretariat of {body} and administrators may download its meeting materials.',
  },
  'materials.notConvened': {
    ja: 'この会議は招集されていない（または中止された）ため、会議資料を作成できません。招集後に作成できます。',
    en: 'This meeting has not been convened (or it was cancelled), so it has no materials yet; they can be made once it is convened.',
  },
  'meeting.idInUse': {
    ja: 'この会議のIDは、別の会議で使われています。フォームを開き直してから、もう一度招集してください。',
    en: 'The id of this meeting is already used by another meeting. Open the form again and convene it again.',
  },
  'meeting.notAllowedToRemind': {
    ja: '{body}の未回答者に催促できるのは、招集できる方と庶務（事務局）です。',
    en: 'Only those who may convene {body}, or its secretariat, may remind those who have not answered.',
  },
  'meeting.rsvpReminderAlreadySent': {
    ja: '未回答者への催促は{at}に{name}さんが送信済みです。催促は1つの会議につき1回です。',
    en: '{name} already sent the reminder on {at}; it can be sent once per meeting.',
  },
  'meeting.rsvpReminderAlreadySentPlain': {
    ja: '未回答者への催促は送信済みです。催促は1つの会議につき1回です。',
    en: 'The reminder has already been sent; it can be sent once per meeting.',
  },
  'meeting.reminderTooLate': { ja: '会議が始まっているため、催促は送れません。', en: 'The meeting has started, so the reminder can no longer be sent.' },
  'meeting.nobodyUnanswered': { ja: '出席対象者は全員回答済みです。', en: 'Everyone expected has answered.' },
  'meeting.nobodyReachable': {
    ja: '未回答の{count}名はいずれもボットを追加していないため、催促を届けられません（送信済みにはしていません）。',
    en: 'None of the {count} who have not answered has the bot installed, so no reminder could be sent (it is not marked as sent).',
  },
  'body.notFound': { ja: '会議体が見つかりません。', en: 'Body not found.' },
  'rsvp.proxyNameRequired': { ja: '代理出席の場合は代理出席者の氏名を入力してください。', en: 'Enter the name of your proxy.' },
  'rsvp.proxyNameTooLong': { ja: '代理出席者の氏名は{max}文字以内で入力してください。', en: 'The proxy name may be at most {max} characters.' },
  'proposal.withdrawAfterReview': { ja: '審査が始まった提案は取り下げできません。', en: 'A proposal cannot be withdrawn once review has started.' },
  'proposal.illegalTransition': { ja: '提案の状態を「{from}」から「{to}」に変えることはできません。', en: 'A proposal cannot move from {from} to {to}.' },
  'proposal.notEditable': { ja: '提出済みの提案は編集できません。', en: 'A submitted proposal can no longer be edited.' },
  'proposal.reasonRequired': { ja: '判断の理由を入力してください。', en: 'Enter the reason for the decision.' },
  'proposal.fieldRequired': { ja: '{field}を入力してください。', en: 'Enter the {field}.' },
  'proposal.fieldTooLong': { ja: '{field}は{max}文字以内で入力してください。', en: 'The {field} may be at most {max} characters.' },
  'proposal.itemIssuesDepartmentOnly': {
    ja: '取組み項目における課題等は、新規取組み項目の各部提案（調査票）でのみ回答できます。',
    en: 'Issues in the plan items are asked only in a department’s survey for new initiatives.',
  },
  'proposal.invalidPerspective': { ja: '視点を一覧から選んでください。', en: 'Choose a perspective from the list.' },
  'proposal.departmentRequired': { ja: '部の提案では部を選んでください。', en: 'Choose the department for a department proposal.' },
  'proposal.notInDepartment': {
    ja: '{department}の提案は{department}の職員のみ提出できます。',
    en: 'Only staff of {department} may submit its department proposal.',
  },
  'proposal.notAuthor': { ja: 'この提案の提案者ではありません。', en: 'You are not the author of this proposal.' },
  'proposal.notFound': { ja: '提案が見つかりません。', en: 'Proposal not found.' },
  'proposal.idInUse': {
    ja: 'この提案のIDは、別の募集への提案で使われています。フォームを開き直してから、新しい提案を作成してください。',
    en: 'The id of this proposal is already used by a proposal for another call. Open the form again and start a new proposal.',
  },
  'team.pmCount': {
    ja: 'プロジェクトマネージャー（PM）は{required}名必要です（現在{count}名）。',
    en: 'A team needs exactly {required} project manager (PM); it has {count}.',
  },
  'team.plCount': {
    ja: 'プロジェクトリーダー（PL）は{required}名必要です（現在{count}名）。',
    en: 'A team needs exactly {required} project leader (PL); it has {count}.',
  },
  'team.pmGrade': {
    ja: '{name}さん（{grade}）はPMになれません。PMは{allowed}の職員です。',
    en: '{name} ({gradeEn}) cannot be PM: the PM must be {allowedEn} grade.',
  },
  'team.plGrade': {
    ja: '{name}さん（{grade}）はPLになれません。PLは{allowed}の職員です。',
    en: '{name} ({gradeEn}) cannot be PL: the PL must be {allowedEn} grade.',
  },
  'team.memberCount': { ja: 'メンバーは{min}〜{max}名です（現在{count}名）。', en: 'A team has {min}–{max} members; it has {count}.' },
  'team.memberCountApproximate': {
    ja: 'メンバーは「{printed}」です（現在{count}名）。この人数で編成する場合は、事務局が理由を記録して確定してください。',
    en: 'Members are 「{printed}」 (about {min}–{max}); this team has {count}. To form it so, the secretariat confirms with a recorded reason.',
  },
  'team.confirmationRequired': {
    ja: '目安の人数を外れるため、確定の理由を入力してください。',
    en: 'The team is outside the guide; enter the reason for confirming it.',
  },
  'team.reasonTooLong': { ja: '理由は{max}文字以内で入力してください。', en: 'A reason may be at most {max} characters.' },
  'team.recruitmentOpen': {
    ja: '「{project}」の公募は{closes}まで受付中です。締切後にチームを編成してください。',
    en: 'Recruitment for "{project}" is open until {closesEn}; form the team after it closes.',
  },
  'team.notAnApplicant': {
    ja: '{name}さんは公募に応募していません（または辞退しました）。例外として配置する場合は理由を記録してください。',
    en: '{name} did not apply (or withdrew); to seat them as an exception, record the reason.',
  },
  'team.rulesMissing': {
    ja: '{fiscalYear}年度のチーム編成ルールが登録されていません。プランのデータを取り込んでください。',
    en: 'No team rules are stored for FY{fiscalYear}; import the programme data.',
  },
  'team.memberGrade': {
    ja: '{name}さん（{grade}）はメンバーになれません。メンバーは主任以下の職員です。',
    en: '{name} ({gradeEn}) cannot be a member: members are chief grade or below.',
  },
  'team.duplicatePerson': {
    ja: '{name}さんが複数の役割に入っています。個人として1つの役割で参加します。',
    en: '{name} holds more than one seat; everyone joins once, as an individual.',
  },
  'recruitment.notOpen': { ja: '「{project}」はメンバーを公募していません。', en: '"{project}" is not recruiting.' },
  'recruitment.closed': { ja: '「{project}」の公募は締め切りました。', en: 'Recruitment for "{project}" has closed.' },
  'recruitment.motivationRequired': { ja: '志望動機を入力してください。', en: 'Enter your motivation.' },
  'recruitment.motivationTooLong': { ja: '志望動機は{max}文字以内で入力してください。', en: 'Your motivation may be at most {max} characters.' },
  'recruitment.notFound': { ja: '公募が見つかりません。', en: 'Recruitment not found.' },
  'recruitment.roleNotForGrade': {
    ja: '{role}は{allowed}の職員が対象です（あなたの職層: {grade}）。',
    en: 'The {roleEn} role is open to: {allowedEn} (your grade: {gradeEn}).',
  },
  'recruitment.noRoleForGrade': {
    ja: 'あなたの職層（{grade}）で応募できる役割はありません。PMは{pm}、PLは{pl}、メンバーは{member}の職員が対象です。',
    en: 'No role in this team is open to your grade ({gradeEn}). PM: {pmEn}; PL: {plEn}; members: {memberEn}.',
  },
  'staff.selfLockout': {
    ja: '自分自身を無効にしたり、自分の管理者権限を外したりすることはできません。別の管理者に依頼してください。',
    en: 'You cannot deactivate yourself or withdraw your own admin role. Ask another administrator.',
  },
  'staff.notFound': { ja: '職員が見つかりません（{id}）。', en: 'Staff member not found ({id}).' },
  'projectTeam.notFound': { ja: 'PTが見つかりません。', en: 'Project team not found.' },
  'progress.fieldRequired': { ja: '{field}を入力してください。', en: 'Enter the {field}.' },
  'progress.fieldTooLong': { ja: '{field}は{max}文字以内で入力してください。', en: 'The {field} may be at most {max} characters.' },
  'progress.idInUse': {
    ja: 'この進捗報告のIDは、別の進捗報告で使われています。フォームを開き直してから、もう一度報告してください。',
    en: 'The id of this progress report is already used by another progress report. Open the form again and report again.',
  },
  'progress.meetingCancelled': { ja: '中止された会議には進捗を報告できません。', en: 'Progress cannot be reported at a cancelled meeting.' },
  'practice.notFound': { ja: '好事例が見つかりません。', en: 'Practice not found.' },
  'staff.notInDirectory': {
    ja: '職員名簿に登録がないため、閲覧のみできます。提案や出欠の回答をするには、政策企画課（事務局）に職員名簿への登録を依頼してください。',
    en: 'You are not in the staff directory, so you can only read. To propose or answer convocations, ask 政策企画課 (the secretariat) to add you to the directory.',
  },
  'minutes.meetingNotHeld': {
    ja: '議事録は、招集され開催された会議についてのみ記録できます。',
    en: 'Minutes can be recorded only for a meeting that was convened and has taken place.',
  },
  'minutes.notAllowedToRecord': { ja: '議事録を記録できるのは、この会議体の事務局です。', en: 'Only the body’s secretariat may record the minutes.' },
  'minutes.notAllowedToConfirm': {
    ja: '議事録を確定できるのは、会議を主宰した議長（または職務を代理した者）です。',
    en: 'Only the chair who presided over the meeting (or whoever acted for the chair) may confirm the minutes.',
  },
  'minutes.nobodyPresided': {
    ja: '出席記録に議長（または職務を代理する者）の出席がないため、確定できる人がいません。出席記録を確認してください。',
    en: 'The attendance shows neither the chair nor anyone acting for the chair, so nobody can confirm the minutes. Check the attendance.',
  },
  'minutes.notFound': { ja: 'この会議の議事録はまだありません。', en: 'This meeting has no minutes yet.' },
  'minutes.confirmed': { ja: '確定した議事録は変更できません。', en: 'Confirmed minutes cannot be changed.' },
  'minutes.unknownAttendee': {
    ja: '出席記録に、この会議の出席対象でない人が含まれています。',
    en: 'The attendance names someone who is not on this meeting’s roster.',
  },
  'minutes.proxyNameRequired': { ja: '代理出席の場合は代理出席者の氏名を入力してください。', en: 'Enter the name of the proxy who attended.' },
  'minutes.unknownGuest': { ja: '「{name}」は招集時の出席者（ゲスト）にいません。', en: '"{name}" is not among the guests on the convocation.' },
  'minutes.unknownAgendaItem': { ja: '議題の指定が正しくありません。', en: 'That agenda item does not exist.' },
  'minutes.duplicateDecision': {
    ja: '同じ決定事項（または同じ提案への決定）が重複しています。',
    en: 'A decision (or a decision on the same proposal) appears twice.',
  },
  'minutes.fieldTooLong': { ja: '{field}は{max}文字以内で入力してください。', en: 'The {field} may be at most {max} characters.' },
  'minutes.fieldRequired': { ja: '{field}を入力してください。', en: 'Enter the {field}.' },
  'minutes.tooMany': { ja: '{field}は{max}件までです。', en: 'At most {max} {field}.' },
  'minutes.unknownSubject': { ja: '決定の対象（提案・PT）が見つかりません。', en: 'What the decision concerns (a proposal or a PT) was not found.' },
  'minutes.proposalNotDecidable': {
    ja: '提案「{receipt}」は取り下げられたか、別の結果がすでに出ているため、この会議の決定として結果を付けられません。決定事項を見直してください。',
    en: 'Proposal "{receipt}" was withdrawn or already has another outcome, so this meeting’s decision cannot set it. Review the decision.',
  },
  'minutes.unknownOwner': { ja: '対応事項の担当者（職員または課）が見つかりません。', en: 'The action item’s owner (a person or a unit) was not found.' },
  'action.notFound': { ja: '対応事項が見つかりません。', en: 'Action item not found.' },
  'action.notOwner': {
    ja: 'この対応事項を完了にできるのは担当者（担当課の職員）か事務局です。',
    en: 'Only the owner (or the owning unit’s staff) or the secretariat may mark this action item done.',
  },
  'staff.unconfirmed': {
    ja: 'この会話ではあなたが職員名簿のどなたかを確認できませんでした。一度このアプリのタブを開くか、ボットとの個人チャットで話しかけてください。その後はどの会話からでも使えます。',
    en: 'You could not be matched to the staff directory from this conversation. Open the app’s tab once, or write to the bot in a personal chat; after that it works from any conversation.',
  },
  'staff.identityConflict': {
    ja: 'このアカウントは、職員名簿の {upn} に結び付けられたアカウントと異なるため、職員として確認できません。管理者（政策企画課）にアカウントの結び付けの確認を依頼してください。',
    en: 'This account differs from the one linked to {upn} in the staff directory, so you cannot be confirmed as that person. Ask the administrator (政策企画課) to check the account link.',
  },
  'notification.notFound': { ja: '予定されている通知が見つかりません。', en: 'Planned notification not found.' },
  'notification.notPending': {
    ja: 'この通知はすでに送信処理に入ったか終わっているため、テスト送信できません（状態: {state}）。',
    en: 'This notification is being sent or is done, so it cannot be test-sent (state: {state}).',
  },
  'notification.wouldSkip': {
    ja: 'この通知は今送ると送信されない状態のため、テスト送信できません: {reason}',
    en: 'This notification would be skipped if sent now, so it cannot be test-sent: {reason}',
  },
  'conversation.notFound': {
    ja: 'ボットが参加している有効な会話の中に、指定の送信先が見つかりません。',
    en: 'The chosen conversation is not an active one the bot is in.',
  },
  'notice.notFound': { ja: 'お知らせが見つかりません。', en: 'Notice not found.' },
  // A refusal says whom to ask, so a newcomer is not left at a dead end.
  'auth.forbidden': {
    ja: 'この操作を行う権限がありません。権限が必要な場合は、政策企画課（事務局）に依頼してください。',
    en: 'You are not allowed to do this. If you need to, ask 政策企画課 (the secretariat) for the permission.',
  },
  'store.conflict': {
    ja: '同じ内容が同時に別の操作で保存されたため、この操作は完了しませんでした。画面を開き直して、保存された内容を確かめてください。',
    en: 'The same thing was saved by another request at the same moment, so this was not done. Reopen the page and check what was saved.',
  },
  'rollover.invalidYear': { ja: '年度は4桁の西暦で指定してください（例: 2025）: {value}', en: 'Give the fiscal year as four digits (e.g. 2025): {value}' },
  'rollover.nothingToCopy': { ja: '{year}年度の募集が登録されていないため、複製できません。', en: 'FY{year} has no calls to copy.' },
  'programme.invalid': { ja: '計画データに誤りがあります: {details}', en: 'The programme file has errors: {details}' },
  'csv.invalid': { ja: 'CSVの{line}行目: {details}', en: 'CSV line {line}: {details}' },
  'text.forbiddenCharacter': {
    ja: '「{path}」に使用できない文字（NUL文字 U+0000、または対になっていないサロゲート）が含まれています。その文字を取り除いてから、もう一度お試しください。',
    en: '"{path}" contains a character that cannot be used (NUL, U+0000, or an unpaired surrogate). Remove it and try again.',
  },
  'csv.forbiddenCharacter': {
    ja: 'CSVの{line}行目に使用できない文字（NUL文字 U+0000 など）が含まれています。UTF-8のテキストとして保存し直してください。',
    en: 'CSV line {line} contains a character that cannot be used (NUL, U+0000, or similar). Save the file again as UTF-8 text.',
  },
  'programme.forbiddenCharacter': {
    ja: '計画データの「{path}」に使用できない文字（NUL文字 U+0000、または対になっていないサロゲート）が含まれています。',
    en: 'The programme file’s "{path}" contains a character that cannot be used (NUL, U+0000, or an unpaired surrogate).',
  },
};

/** The message for an error in a language; unknown codes fall back to a generic sentence. */
export function errorMessage(error: DomainError, locale: Locale): string {
  const message = ERROR_MESSAGES[error.code];
  if (!message) return locale === 'ja' ? `処理できませんでした（${error.code}）。` : `That could not be done (${error.code}).`;
  const params: Record<string, string | number> = { ...error.params };
  if (typeof params.field === 'string' && FIELD_LABELS[params.field]) {
    const label = FIELD_LABELS[params.field]![locale];
    params.field = locale === 'en' ? label.toLowerCase() : label;
  }
  // A deadline reads as people write it (令和6年5月17日（金）), with the ISO date for certainty.
  if (typeof params.deadline === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(params.deadline)) {
    params.deadline = `${formatDate(params.deadline, locale)} (${params.deadline})`;
  }
  // An instant (when something was done) reads in Japan time: 令和6年5月10日（金）10:00.
  if (typeof params.at === 'string' && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(params.at)) {
    params.at = formatDateTime(new Date(params.at), locale);
  }
  return fill(message[locale], params);
}
