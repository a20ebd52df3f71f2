/**
 * The contract: cloud function → action → input schema, output type and access rule.
 * The client's callCloud and every function's handler table are typed from this one map.
 */
import type * as v from 'valibot';
import type { AccessRule } from './permissions';
import {
  bindReviewerInput,
  boardInput,
  cancelChallengeInput,
  challengeIdInput,
  claimInput,
  closeChallengeInput,
  commitmentsInput,
  createChallengeInput,
  expertReviewInput,
  inviteExpertInput,
  removeExpertInput,
  reviewClaimInput,
  reviewMilestoneInput,
  submitMilestoneInput,
  teamChallengeInput,
  updateChallengeInput,
} from './schemas/challenge';
import {
  achievementIdInput,
  featureAchievementInput,
  feedInput,
  mediaVerdictInput,
  pendingAchievementsInput,
  returnAchievementInput,
  saveAchievementInput,
  teamAchievementInput,
  teamAchievementsInput,
} from './schemas/achievement';
import {
  createOrgInput,
  importOrgsInput,
  moveOrgInput,
  orgIdInput,
  redeemCodeInput,
  renameOrgInput,
  retireOrgInput,
  revokeOrganizerInput,
} from './schemas/admin';
import { dashboardInput, exportInput, orgAuditInput, teamAuditInput } from './schemas/cockpit';
import { empty } from './schemas/common';
import {
  addRecordInput,
  chooseTeamsInput,
  cycleSummaryInput,
  dropTeamInput,
  ledgerInput,
  startCycleInput,
  teamContactsInput,
  updateOpinionInput,
} from './schemas/contact';
import {
  acknowledgeLetterInput,
  bindContactInput,
  contactCodeInput,
  issueLetterInput,
  letterCandidatesInput,
  letterIdInput,
  lettersInput,
  verifyLetterInput,
} from './schemas/feedback';
import { noticeIdInput, noticesInput, publishNoticeInput } from './schemas/notice';
import {
  calendarInput,
  createEventInput,
  eventIdInput,
  eventsInput,
  logProgressInput,
  progressFormInput,
  requestMakeupInput,
  reviewMakeupInput,
  signInInput,
  timelineInput,
  weeklyInput,
} from './schemas/progress';
import { inboxInput, markReadInput, recordConsentInput } from './schemas/message';
import { decideReportInput, reportsInput, submitReportInput } from './schemas/report';
import {
  applyTeamInput,
  dissolveTeamInput,
  joinTeamInput,
  memberActionInput,
  orgTeamsInput,
  previewTeamInput,
  refreshTeamInput,
  reviewTeamInput,
  teamIdInput,
} from './schemas/team';
import { deleteAccountInput, updateProfileInput } from './schemas/user';
import {
  applyEnterpriseInput,
  decideEnterpriseInput,
  decideNeedInput,
  issueRoleCodeInput,
  needBoardInput,
  needIdInput,
  needMessageInput,
  needQueueInput,
  orgScopeInput,
  redeemRoleCodeInput,
  releaseNeedInput,
  saveNeedInput,
  withdrawNeedInput,
} from './schemas/need';
import {
  basisOptionsInput,
  confirmTransferInput,
  createTransferInput,
  expressInterestInput,
  forwardInterestInput,
  interestsInput,
  libraryInput,
  teamTransfersInput,
  transferIdInput,
} from './schemas/transfer';
import type {
  BasisOption,
  EnterpriseView,
  InterestCard,
  IssuedRoleCode,
  LibraryPage,
  NeedCard,
  NeedDetail,
  NeedPage,
  NeedTrace,
  RedeemedRoleCode,
  TeamOption,
  TransferCard,
  TransferDetail,
} from './views/need';
import type { ReportCard, ReportPage, ReportReceipt } from './views/report';
import type { AuditPage, Dashboard, ExportFile, Worklist } from './views/cockpit';
import type { ContactRecordView, CycleSummary, Ledger, OpinionView, TeamContacts } from './views/contact';
import type {
  ImportPreview,
  ImportResult,
  ImportTemplate,
  IssuedCode,
  OrganizerList,
  OrgTree,
  HeldRole,
  RedeemResult,
} from './views/admin';
import type {
  AccountDeleted,
  AchievementDetail,
  Attendance,
  BoardPage,
  CalendarMonth,
  ChallengeCard,
  ChallengeDetail,
  ClaimPage,
  DispatchReport,
  EventCode,
  EventDetail,
  EventPage,
  FeedPage,
  PendingPage,
  InboxPage,
  LetterCandidates,
  LetterCard,
  LetterDetail,
  LetterPage,
  LetterVerification,
  NoticeDetail,
  NoticePage,
  NoticeStats,
  MeView,
  MyDataExport,
  TodoCounts,
  OrgOptions,
  PartyOrgView,
  ProgressForm,
  ProgressLogView,
  TeamClaimView,
  TeamAchievements,
  TeamDetail,
  TeamPreview,
  TeamSummary,
  TimelinePage,
  WeeklySummary,
} from './views';

type AnySchema = v.GenericSchema<unknown, unknown>;

export type ActionDef<S extends AnySchema, O, R extends AccessRule = AccessRule> = {
  input: S;
  access: R;
  /** Phantom: carries the output type; never read at run time. */
  output?: O;
};

function action<S extends AnySchema, R extends AccessRule>(input: S, access: R) {
  return { returns: <O>(): ActionDef<S, O, R> => ({ input, access }) };
}

export const API = {
  user: {
    me: action(empty, 'signedIn').returns<MeView>(),
    updateProfile: action(updateProfileInput, 'signedIn').returns<MeView>(),
    todo: action(empty, 'signedIn').returns<TodoCounts>(),
    exportData: action(empty, 'signedIn').returns<MyDataExport>(),
    deleteAccount: action(deleteAccountInput, 'signedIn').returns<AccountDeleted>(),
  },
  team: {
    orgOptions: action(empty, 'signedIn').returns<OrgOptions>(),
    apply: action(applyTeamInput, 'signedIn').returns<TeamSummary>(),
    mine: action(empty, 'signedIn').returns<TeamSummary[]>(),
    detail: action(teamIdInput, 'signedIn').returns<TeamDetail>(),
    preview: action(previewTeamInput, 'signedIn').returns<TeamPreview>(),
    join: action(joinTeamInput, 'signedIn').returns<TeamSummary>(),
    pending: action(empty, 'organizer').returns<TeamSummary[]>(),
    orgTeams: action(orgTeamsInput, 'organizer').returns<TeamSummary[]>(),
    review: action(reviewTeamInput, 'teamOrganizer').returns<TeamSummary>(),
    removeMember: action(memberActionInput, 'teamLeader').returns<TeamDetail>(),
    transferLeader: action(memberActionInput, 'teamLeader').returns<TeamDetail>(),
    dissolve: action(dissolveTeamInput, 'teamLeader').returns<TeamSummary>(),
    leave: action(teamIdInput, 'teamMember').returns<{ left: true }>(),
    refresh: action(refreshTeamInput, 'teamLeader').returns<TeamDetail>(),
  },
  challenge: {
    board: action(boardInput, 'signedIn').returns<BoardPage>(),
    detail: action(challengeIdInput, 'signedIn').returns<ChallengeDetail>(),
    reviewing: action(empty, 'signedIn').returns<ChallengeCard[]>(),
    create: action(createChallengeInput, 'organizer').returns<ChallengeDetail>(),
    update: action(updateChallengeInput, 'challengeOrganizer').returns<ChallengeDetail>(),
    publish: action(challengeIdInput, 'challengeOrganizer').returns<ChallengeDetail>(),
    cancel: action(cancelChallengeInput, 'challengeOrganizer').returns<ChallengeDetail>(),
    discard: action(challengeIdInput, 'challengeOrganizer').returns<{ discarded: true }>(),
    close: action(closeChallengeInput, 'challengeOrganizer').returns<ChallengeDetail>(),
    bindReviewer: action(bindReviewerInput, 'signedIn').returns<ChallengeCard>(),
    claim: action(claimInput, 'teamLeader').returns<ClaimPage>(),
    withdraw: action(teamChallengeInput, 'teamLeader').returns<ClaimPage>(),
    claimDetail: action(teamChallengeInput, 'signedIn').returns<ClaimPage>(),
    reviewClaim: action(reviewClaimInput, 'challengeReviewer').returns<ClaimPage>(),
    submitMilestone: action(submitMilestoneInput, 'teamLeader').returns<ClaimPage>(),
    reviewMilestone: action(reviewMilestoneInput, 'challengeReviewer').returns<ClaimPage>(),
    teamClaims: action(teamIdInput, 'signedIn').returns<TeamClaimView[]>(),
    /** 征榜 of a need-born draft (server/handlers/challenge/solicit.ts). */
    setCommitments: action(commitmentsInput, 'challengeOrganizer').returns<ChallengeDetail>(),
    confirmCommitments: action(challengeIdInput, 'challengeEnterprise').returns<ChallengeDetail>(),
    inviteExpert: action(inviteExpertInput, 'challengeOrganizer').returns<IssuedRoleCode>(),
    expertReview: action(expertReviewInput, 'challengeExpert').returns<ChallengeDetail>(),
    removeExpert: action(removeExpertInput, 'challengeOrganizer').returns<ChallengeDetail>(),
  },
  progress: {
    form: action(progressFormInput, 'teamMember').returns<ProgressForm>(),
    log: action(logProgressInput, 'teamMember').returns<ProgressLogView>(),
    timeline: action(timelineInput, 'teamViewer').returns<TimelinePage>(),
    calendar: action(calendarInput, 'signedIn').returns<CalendarMonth>(),
    weekly: action(weeklyInput, 'teamViewer').returns<WeeklySummary>(),
    createEvent: action(createEventInput, 'organizer').returns<EventDetail>(),
    events: action(eventsInput, 'signedIn').returns<EventPage>(),
    eventDetail: action(eventIdInput, 'signedIn').returns<EventDetail>(),
    eventCode: action(eventIdInput, 'eventOrganizer').returns<EventCode>(),
    signIn: action(signInInput, 'eventAttendee').returns<EventDetail>(),
    requestMakeup: action(requestMakeupInput, 'eventAttendee').returns<EventDetail>(),
    reviewMakeup: action(reviewMakeupInput, 'eventOrganizer').returns<Attendance>(),
    attendance: action(eventIdInput, 'eventOrganizer').returns<Attendance>(),
  },
  achievement: {
    save: action(saveAchievementInput, 'teamMember').returns<AchievementDetail>(),
    submit: action(teamAchievementInput, 'teamLeader').returns<AchievementDetail>(),
    discard: action(teamAchievementInput, 'teamMember').returns<{ discarded: true }>(),
    detail: action(achievementIdInput, 'signedIn').returns<AchievementDetail>(),
    feed: action(feedInput, 'signedIn').returns<FeedPage>(),
    teamAchievements: action(teamAchievementsInput, 'signedIn').returns<TeamAchievements>(),
    pending: action(pendingAchievementsInput, 'signedIn').returns<PendingPage>(),
    confirm: action(achievementIdInput, 'achievementVerifier').returns<AchievementDetail>(),
    return: action(returnAchievementInput, 'achievementVerifier').returns<AchievementDetail>(),
    feature: action(featureAchievementInput, 'achievementOrganizer').returns<AchievementDetail>(),
    mediaVerdict: action(mediaVerdictInput, 'system').returns<{ applied: boolean }>(),
  },
  notice: {
    publish: action(publishNoticeInput, 'organizer').returns<NoticeDetail>(),
    list: action(noticesInput, 'signedIn').returns<NoticePage>(),
    detail: action(noticeIdInput, 'signedIn').returns<NoticeDetail>(),
    ack: action(noticeIdInput, 'signedIn').returns<NoticeDetail>(),
    stats: action(noticeIdInput, 'noticeOrganizer').returns<NoticeStats>(),
    remind: action(noticeIdInput, 'noticeOrganizer').returns<NoticeStats>(),
  },
  feedback: {
    partyOrgs: action(empty, 'organizer').returns<PartyOrgView[]>(),
    contactCode: action(contactCodeInput, 'organizer').returns<{ code: string; partyOrgName: string; expiresAt: number }>(),
    bindContact: action(bindContactInput, 'signedIn').returns<{ partyOrgId: string; partyOrgName: string }>(),
    candidates: action(letterCandidatesInput, 'teamOrganizer').returns<LetterCandidates>(),
    issue: action(issueLetterInput, 'teamOrganizer').returns<LetterCard[]>(),
    letters: action(lettersInput, 'signedIn').returns<LetterPage>(),
    letter: action(letterIdInput, 'signedIn').returns<LetterDetail>(),
    acknowledge: action(acknowledgeLetterInput, 'letterContact').returns<LetterDetail>(),
    verify: action(verifyLetterInput, 'signedIn').returns<LetterVerification>(),
  },
  message: {
    inbox: action(inboxInput, 'signedIn').returns<InboxPage>(),
    unreadCount: action(empty, 'signedIn').returns<{ unread: number }>(),
    markRead: action(markReadInput, 'signedIn').returns<{ unread: number }>(),
    recordConsent: action(recordConsentInput, 'signedIn').returns<{ counts: Record<string, number> }>(),
  },
  report: {
    submit: action(submitReportInput, 'signedIn').returns<ReportReceipt>(),
    list: action(reportsInput, 'organizer').returns<ReportPage>(),
    decide: action(decideReportInput, 'reportOrganizer').returns<ReportCard>(),
  },
  admin: {
    orgTree: action(empty, 'organizer').returns<OrgTree>(),
    createOrg: action(createOrgInput, 'orgOrganizer').returns<OrgTree>(),
    renameOrg: action(renameOrgInput, 'orgOrganizer').returns<OrgTree>(),
    moveOrg: action(moveOrgInput, 'orgOrganizer').returns<OrgTree>(),
    retireOrg: action(retireOrgInput, 'orgOrganizer').returns<OrgTree>(),
    importTemplate: action(empty, 'organizer').returns<ImportTemplate>(),
    previewImport: action(importOrgsInput, 'organizer').returns<ImportPreview>(),
    confirmImport: action(importOrgsInput, 'organizer').returns<ImportResult>(),
    organizers: action(orgIdInput, 'orgOrganizer').returns<OrganizerList>(),
    issueCode: action(orgIdInput, 'orgOrganizer').returns<IssuedCode>(),
    revokeOrganizer: action(revokeOrganizerInput, 'orgOrganizer').returns<OrganizerList>(),
    redeemCode: action(redeemCodeInput, 'signedIn').returns<RedeemResult>(),
    myRoles: action(empty, 'signedIn').returns<HeldRole[]>(),
  },
  cockpit: {
    worklist: action(empty, 'organizer').returns<Worklist>(),
    dashboard: action(dashboardInput, 'orgOrganizer').returns<Dashboard>(),
    orgAudit: action(orgAuditInput, 'orgOrganizer').returns<AuditPage>(),
    teamAudit: action(teamAuditInput, 'teamSteward').returns<AuditPage>(),
    export: action(exportInput, 'orgOrganizer').returns<ExportFile>(),
  },
  contact: {
    ledger: action(ledgerInput, 'orgOrganizer').returns<Ledger>(),
    startCycle: action(startCycleInput, 'orgOrganizer').returns<Ledger>(),
    chooseTeams: action(chooseTeamsInput, 'orgOrganizer').returns<Ledger>(),
    dropTeam: action(dropTeamInput, 'orgOrganizer').returns<Ledger>(),
    addRecord: action(addRecordInput, 'orgOrganizer').returns<ContactRecordView>(),
    teamContacts: action(teamContactsInput, 'teamSteward').returns<TeamContacts>(),
    updateOpinion: action(updateOpinionInput, 'orgOrganizer').returns<OpinionView>(),
    cycleSummary: action(cycleSummaryInput, 'orgOrganizer').returns<CycleSummary>(),
  },
  /** 企业点单 → 干部接单: enterprises, their needs, the cadres who take them, and the line to results. */
  need: {
    issueCode: action(issueRoleCodeInput, 'orgOrganizer').returns<IssuedRoleCode>(),
    redeemCode: action(redeemRoleCodeInput, 'signedIn').returns<RedeemedRoleCode>(),
    apply: action(applyEnterpriseInput, 'signedIn').returns<EnterpriseView>(),
    applications: action(orgScopeInput, 'orgOrganizer').returns<EnterpriseView[]>(),
    decideApplication: action(decideEnterpriseInput, 'orgOrganizer').returns<EnterpriseView>(),
    myEnterprises: action(empty, 'signedIn').returns<EnterpriseView[]>(),
    save: action(saveNeedInput, 'enterpriseContact').returns<NeedDetail>(),
    submit: action(needIdInput, 'needEnterprise').returns<NeedDetail>(),
    withdraw: action(withdrawNeedInput, 'needEnterprise').returns<NeedDetail>(),
    mine: action(empty, 'signedIn').returns<NeedCard[]>(),
    board: action(needBoardInput, 'signedIn').returns<NeedPage>(),
    detail: action(needIdInput, 'signedIn').returns<NeedDetail>(),
    queue: action(needQueueInput, 'orgCadre').returns<NeedPage>(),
    take: action(needIdInput, 'needCadre').returns<NeedDetail>(),
    release: action(releaseNeedInput, 'needCadre').returns<NeedDetail>(),
    message: action(needMessageInput, 'needParty').returns<NeedDetail>(),
    teamOptions: action(needIdInput, 'needCadre').returns<TeamOption[]>(),
    decide: action(decideNeedInput, 'needCadre').returns<NeedDetail>(),
    trace: action(needIdInput, 'needParty').returns<NeedTrace>(),
  },
  /** 成果转化 and the 科技成果库. */
  transfer: {
    basisOptions: action(basisOptionsInput, 'teamLeader').returns<BasisOption[]>(),
    create: action(createTransferInput, 'teamLeader').returns<TransferDetail>(),
    teamTransfers: action(teamTransfersInput, 'teamViewer').returns<TransferCard[]>(),
    detail: action(transferIdInput, 'transferViewer').returns<TransferDetail>(),
    pending: action(empty, 'signedIn').returns<TransferCard[]>(),
    confirm: action(confirmTransferInput, 'transferConfirmer').returns<TransferDetail>(),
    library: action(libraryInput, 'signedIn').returns<LibraryPage>(),
    interest: action(expressInterestInput, 'enterpriseContact').returns<InterestCard>(),
    interests: action(interestsInput, 'orgOrganizer').returns<InterestCard[]>(),
    forwardInterest: action(forwardInterestInput, 'orgOrganizer').returns<InterestCard>(),
  },
  dispatch: {
    run: action(empty, 'system').returns<DispatchReport>(),
  },
} as const;

export type Api = typeof API;
export type FnName = keyof Api;
export type ActionName<F extends FnName> = keyof Api[F] & string;
type Def<F extends FnName, A extends ActionName<F>> = Api[F][A];
export type ActionInput<F extends FnName, A extends ActionName<F>> =
  Def<F, A> extends ActionDef<infer S, unknown> ? v.InferInput<S> : never;
export type ActionParsed<F extends FnName, A extends ActionName<F>> =
  Def<F, A> extends ActionDef<infer S, unknown> ? v.InferOutput<S> : never;
export type ActionOutput<F extends FnName, A extends ActionName<F>> = Def<F, A> extends ActionDef<AnySchema, infer O> ? O : never;
/** The access rule an action is declared with, as a literal type. */
export type ActionRule<F extends FnName, A extends ActionName<F>> = Def<F, A> extends ActionDef<AnySchema, unknown, infer R> ? R : never;

export const FN_NAMES = Object.keys(API) as FnName[];
