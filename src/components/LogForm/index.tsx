import { Text, View } from '@tarojs/components';
import { Button, Checkbox, TextArea } from '@nutui/nutui-react-taro';
import { useEffect, useRef, useState } from 'react';
import { MAX_LOG_PHOTOS } from '@core/progress-rules';
import { logProgressInput } from '@core/schemas/progress';
import { formatDay, shanghaiDay } from '@core/time';
import type { ProgressForm } from '@core/views';
import { toastDone, toastFailure } from '@/hooks/feedback';
import { useFormErrors } from '@/hooks/useFormErrors';
import { useRemote } from '@/hooks/useRemote';
import { clearDraft, loadDraft, saveDraft, type LogDraft } from '@/services/progress-draft';
import { progressService } from '@/services/progress';
import { newRequestId } from '@/services/request-id';
import { useProgressQueue } from '@/stores/useProgressQueue';
import { EvidenceFields } from '../EvidenceFields';
import { FormRow, SelectField } from '../FormRow';
import { PageState } from '../PageState';
import { PhotoPicker } from '../PhotoPicker';
import './index.scss';

export type LogFormProps = { teamId: string };

function blankDraft(day: string): LogDraft {
  return {
    day,
    requestId: newRequestId(),
    noProgress: false,
    content: '',
    evidenceKind: 'none',
    evidenceRef: '',
    photos: [],
    claimId: null,
    milestoneId: null,
  };
}

/** Today's log as saved on the server, as a starting draft for editing it. */
function draftOfSaved(form: ProgressForm): LogDraft {
  const log = form.log;
  if (!log) return blankDraft(form.day);
  return {
    ...blankDraft(form.day),
    noProgress: log.noProgress,
    content: log.content,
    evidenceKind: log.evidence.kind,
    evidenceRef: log.evidence.ref,
    photos: log.photoIds,
    claimId: log.claimId,
    milestoneId: log.milestoneId,
  };
}

/** The claims a log may cite: those being raced on, and the one today's saved log already cites, ended or not. */
function citableClaims(form: ProgressForm | null): ProgressForm['claims'] {
  const racing = form?.claims ?? [];
  const log = form?.log;
  if (!log?.claimId || racing.some((one) => one.claimId === log.claimId)) return racing;
  const milestones = log.milestoneId ? [{ id: log.milestoneId, title: log.milestoneTitle }] : [];
  return [...racing, { claimId: log.claimId, title: `${log.claimTitle}（已结束）`, milestones }];
}

/** A draft kept on the phone may cite a claim that has since ended: drop a citation the form no longer offers. */
function withCitableClaim(draft: LogDraft, form: ProgressForm): LogDraft {
  const claim = citableClaims(form).find((one) => one.claimId === draft.claimId);
  if (!claim) return { ...draft, claimId: null, milestoneId: null };
  return claim.milestones.some((one) => one.id === draft.milestoneId) ? draft : { ...draft, milestoneId: null };
}

/** What a draft submits: 今日无进展 carries no evidence, photos or citation. */
function logInputOf(teamId: string, draft: LogDraft) {
  const progress = !draft.noProgress;
  return {
    teamId,
    day: draft.day,
    noProgress: draft.noProgress,
    content: draft.content,
    evidence:
      progress && draft.evidenceKind !== 'none' ? { kind: draft.evidenceKind, ref: draft.evidenceRef } : { kind: 'none' as const, ref: '' },
    photos: progress ? draft.photos : [],
    claimId: progress ? draft.claimId : null,
    milestoneId: progress ? draft.milestoneId : null,
    requestId: draft.requestId,
  };
}

/** The 打卡 form for one team: saved locally as typed, queued when the network is gone. */
export function LogForm({ teamId }: LogFormProps) {
  const form = useRemote(() => progressService.form(teamId), [teamId]);
  const [draft, setDraft] = useState<LogDraft | null>(null);
  const [restored, setRestored] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const { errors, check } = useFormErrors();
  const enqueue = useProgressQueue((state) => state.add);
  const queuedSent = useProgressQueue((state) => state.sent);

  useEffect(() => {
    if (!form.data || draft) return;
    const stored = loadDraft(teamId);
    setRestored(stored !== null);
    setDraft(stored ? withCitableClaim(stored, form.data) : draftOfSaved(form.data));
  }, [form.data, draft, teamId]);

  // A log queued offline has just gone out: show it as today's record, and start from it if nothing new is typed.
  const reloadForm = form.reload;
  const sentSeen = useRef(queuedSent);
  useEffect(() => {
    if (queuedSent <= sentSeen.current) return;
    sentSeen.current = queuedSent;
    void reloadForm().then(() => setDraft((current) => (current && !current.content && !loadDraft(teamId) ? null : current)));
  }, [queuedSent, reloadForm, teamId]);

  const patch = (changes: Partial<LogDraft>) => {
    if (!draft) return;
    const next = { ...draft, ...changes };
    setDraft(next);
    saveDraft(teamId, next);
  };

  const submit = async () => {
    if (!draft || !form.data || submitting) return;
    const checked = check(logProgressInput, logInputOf(teamId, draft));
    if (!checked) return;
    setSubmitting(true);
    const result = await progressService.log(checked);
    setSubmitting(false);
    if (!result.ok && result.code === 'NETWORK') {
      enqueue({ input: { ...checked, day: draft.day }, teamName: form.data.teamName });
      clearDraft(teamId);
      setDraft(blankDraft(shanghaiDay(Date.now())));
      setRestored(false);
      return toastDone('已存为待同步');
    }
    if (!result.ok) return toastFailure(result);
    clearDraft(teamId);
    setRestored(false);
    form.setData({ ...form.data, day: result.data.day, log: result.data });
    setDraft(draftOfSaved({ ...form.data, log: result.data }));
    toastDone(form.data.log ? '已更新' : '已记录');
  };

  const claims = citableClaims(form.data);
  const claim = claims.find((one) => one.claimId === draft?.claimId);
  const today = shanghaiDay(Date.now());
  return (
    <PageState loading={form.loading && !form.data} error={form.error} onRetry={form.reload}>
      {draft && form.data ? (
        <View className='kc-card kc-log-form'>
          <View className='kc-row'>
            <Text className='kc-log-form__title'>{draft.day === today ? '今天的进展' : `${formatDay(draft.day)}的进展`}</Text>
            <Text className='kc-muted'>{form.data.teamName}</Text>
          </View>
          {restored ? <View className='kc-banner'>已恢复上次未提交的草稿</View> : null}
          {!restored && form.data.log && draft.day === form.data.day ? (
            <View className='kc-banner kc-banner--success'>今天已记录，修改后再次提交会更新这条记录</View>
          ) : null}
          <Checkbox
            className='kc-log-form__none'
            checked={draft.noProgress}
            onChange={(noProgress) => patch({ noProgress })}
            label='今日无进展（如实记录，不影响任何评价）'
          />
          <FormRow
            label={draft.noProgress ? '备注（可选）' : '做了什么、有什么变化'}
            required={!draft.noProgress}
            block
            error={errors.content}
          >
            <TextArea
              value={draft.content}
              onChange={(content) => patch({ content })}
              placeholder={draft.noProgress ? '如：等待样片到货' : '写实际完成的工作和结果，不必凑字数'}
              maxLength={500}
              showCount
              rows={4}
            />
          </FormRow>
          {draft.noProgress ? null : (
            <>
              <EvidenceFields
                error={errors['evidence.ref']}
                kind={draft.evidenceKind}
                reference={draft.evidenceRef}
                onChange={({ kind, reference }) =>
                  patch({ evidenceKind: kind ?? draft.evidenceKind, evidenceRef: reference ?? draft.evidenceRef })
                }
              />
              {claims.length ? (
                <>
                  <FormRow label='关联揭榜'>
                    <SelectField
                      options={[{ id: '', name: '不关联' }, ...claims.map((one) => ({ id: one.claimId, name: one.title }))]}
                      value={draft.claimId ?? ''}
                      placeholder='不关联'
                      onPick={(id) => patch({ claimId: id || null, milestoneId: null })}
                    />
                  </FormRow>
                  {claim?.milestones.length ? (
                    <FormRow label='关联节点'>
                      <SelectField
                        options={[{ id: '', name: '不关联' }, ...claim.milestones.map((one) => ({ id: one.id, name: one.title }))]}
                        value={draft.milestoneId ?? ''}
                        placeholder='不关联'
                        onPick={(id) => patch({ milestoneId: id || null })}
                      />
                    </FormRow>
                  ) : null}
                </>
              ) : null}
              <FormRow label={`照片（最多 ${MAX_LOG_PHOTOS} 张）`} block>
                <PhotoPicker value={draft.photos} max={MAX_LOG_PHOTOS} folder='progress' onChange={(photos) => patch({ photos })} />
              </FormRow>
            </>
          )}
          <Button type='primary' block loading={submitting} onClick={submit}>
            {form.data.log && draft.day === form.data.day ? '更新今天的记录' : '提交记录'}
          </Button>
        </View>
      ) : null}
    </PageState>
  );
}
