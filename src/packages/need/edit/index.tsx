import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import { both, ok, type Result } from '@core/errors';
import { saveNeedInput } from '@core/schemas/need';
import type { NeedDetail } from '@core/views/need';
import { DraftBanner } from '@/components/DraftBanner';
import { Notice, PageState } from '@/components/PageState';
import { confirmStep, toastFailure } from '@/hooks/feedback';
import { useFormErrors } from '@/hooks/useFormErrors';
import { useRemote } from '@/hooks/useRemote';
import { useStoredDraft } from '@/hooks/useStoredDraft';
import { requestSubscribe } from '@/services/cloud';
import { needService } from '@/services/need';
import { useMe, useUserStore } from '@/stores/useUserStore';
import { NEED_PAGES, needDetailUrl } from '../components/links';
import { blankNeed, fromDetail, serverFieldError, type NeedFormValue } from './need-form';
import { NeedForm } from './NeedForm';
import './index.scss';

/** Back to the page that opened the form (it reloads on show), or on to the need's own page. */
function leave(needId: string, editing: boolean) {
  if (editing && Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.redirectTo({ url: needDetailUrl(needId) });
}

/** 发布需求 / 修改需求: the enterprise's need form, kept on the phone until it is saved. */
export default function EditNeedPage() {
  const needId = useRouter().params.id ?? '';
  const me = useMe();
  const meError = useUserStore((state) => state.error);
  // The user's enterprises and the need being edited, read together: one round trip.
  const data = useRemote(
    () => both(needService.myEnterprises(), needId ? needService.detail(needId) : Promise.resolve<Result<NeedDetail | null>>(ok(null))),
    [needId],
  );
  const [enterprises, existing] = data.data ?? [null, null];
  const active = (enterprises ?? []).filter((enterprise) => enterprise.status === 'active');
  const ready = data.data !== null && me !== null;
  const defaults = ready ? (existing ? fromDetail(existing) : blankNeed(active[0]?.id ?? '', me)) : null;
  const draft = useStoredDraft<NeedFormValue>(needId ? `need.edit.${needId}` : 'need.new', blankNeed('', null), defaults);
  const value = draft.value;
  const { errors, check, setErrors } = useFormErrors();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (needId) void Taro.setNavigationBarTitle({ title: '修改需求' });
  }, [needId]);

  // Edits kept for a need that can no longer change (taken meanwhile) have nowhere to go.
  const stale = Boolean(existing && !existing.viewer.canEdit && draft.restored);
  useEffect(() => {
    if (stale) draft.clear();
  }, [stale, draft]);

  const checked = () => check(saveNeedInput, { ...value, ...(needId ? { needId } : {}), requestId: draft.requestId });

  /** Saves the form; a refusal is shown (beside its field when it names one) and answers null. */
  const save = async (input: NonNullable<ReturnType<typeof checked>>): Promise<NeedDetail | null> => {
    const result = await needService.save(input);
    if (result.ok) {
      draft.clear();
      return result.data;
    }
    if (result.code === 'INVALID_INPUT') setErrors(serverFieldError(result.message));
    toastFailure(result);
    return null;
  };

  const saveOnly = async () => {
    if (busy) return;
    const input = checked();
    if (!input) return;
    setBusy(true);
    const saved = await save(input);
    setBusy(false);
    if (!saved) return;
    await Taro.showToast({ title: saved.status === 'draft' ? '草稿已保存' : '已保存修改', icon: 'success' });
    leave(saved.id, Boolean(needId));
  };

  const submit = async () => {
    if (busy) return;
    const input = checked();
    if (!input) return;
    // Asked inside the tap, before any await: WeChat only shows the subscription dialog there.
    // Answered before the confirmation: two dialogs at once would hide one behind the other.
    await requestSubscribe(['needUpdated']);
    if (!(await confirmStep('提交需求', '提交后团组织会收到并接单；接单前仍可修改。', '提交'))) return;
    setBusy(true);
    const saved = await save(input);
    const submitted = saved ? await needService.submit(saved.id) : null;
    setBusy(false);
    if (!saved || !submitted) return;
    if (!submitted.ok) {
      // Saved but not sent: the draft waits on its page, where 提交 can be tried again.
      await Taro.showModal({
        title: '已保存为草稿',
        content: `提交未成功：${submitted.message}`,
        showCancel: false,
        confirmText: '知道了',
      });
      return leave(saved.id, Boolean(needId));
    }
    await Taro.showToast({ title: '已提交，等待团组织接单', icon: 'none' });
    leave(saved.id, Boolean(needId));
  };

  const status = existing?.status ?? 'draft';
  const editable = existing ? existing.viewer.canEdit : active.length > 0;
  return (
    <View className='kc-page'>
      <View className='kc-wide'>
        <PageState loading={!ready && !data.error && !meError} error={data.error ?? meError} onRetry={data.reload}>
          {!ready ? null : !editable ? (
            <Notice
              tone='empty'
              title={existing ? '这条需求不能再修改' : '还不是企业联系人'}
              description={
                existing
                  ? '需求已被接单或已有结果。有新的情况，请在需求页给接单干部留言。'
                  : '发布需求需要先成为已认证企业的联系人：向团组织申请认证，或输入团组织给的邀请码。'
              }
            >
              <Button
                type='primary'
                size='small'
                onClick={() => void Taro.redirectTo({ url: existing ? needDetailUrl(existing.id) : NEED_PAGES.apply })}
              >
                {existing ? '回到需求' : '企业认证'}
              </Button>
            </Notice>
          ) : (
            <>
              <View className='kc-card kc-muted kc-need-edit__intro'>
                {status === 'draft'
                  ? '写清问题、现状和想达到的指标，团组织据此找合适的团队。可以先保存草稿，确认无误后提交。'
                  : '需求已提交：修改会记入需求的步骤记录，企业的其他联系人会收到通知。'}
              </View>
              {draft.restored ? <DraftBanner onDiscard={draft.discard} /> : null}
              <NeedForm
                value={value}
                errors={errors}
                enterprises={existing ? [] : active.map((enterprise) => ({ id: enterprise.id, name: enterprise.name }))}
                onChange={draft.update}
              />
              <View className='kc-actions'>
                {status === 'draft' ? (
                  <>
                    <Button fill='outline' loading={busy} onClick={saveOnly}>
                      保存草稿
                    </Button>
                    <Button type='primary' loading={busy} onClick={submit}>
                      提交
                    </Button>
                  </>
                ) : (
                  <Button type='primary' loading={busy} onClick={saveOnly}>
                    保存修改
                  </Button>
                )}
              </View>
            </>
          )}
        </PageState>
      </View>
    </View>
  );
}
