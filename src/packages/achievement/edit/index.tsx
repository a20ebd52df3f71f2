import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Checkbox, Input, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import {
  ACHIEVEMENT_TYPES,
  ACHIEVEMENT_TYPE_LABELS,
  MAX_ACHIEVEMENT_ATTACHMENTS,
  MAX_ACHIEVEMENT_IMAGES,
  USUAL_EVIDENCE,
  type AchievementType,
} from '@core/achievement-rules';
import type { EvidenceKind } from '@core/evidence';
import { saveAchievementInput } from '@core/schemas/achievement';
import type { AchievementDetail, TeamDetail } from '@core/views';
import { DraftBanner } from '@/components/DraftBanner';
import { EvidenceFields } from '@/components/EvidenceFields';
import { FormRow, SelectField } from '@/components/FormRow';
import { PageState } from '@/components/PageState';
import { PhotoPicker } from '@/components/PhotoPicker';
import { toastFailure } from '@/hooks/feedback';
import { useFormErrors } from '@/hooks/useFormErrors';
import { useRemote } from '@/hooks/useRemote';
import { useStoredDraft } from '@/hooks/useStoredDraft';
import { achievementService } from '@/services/achievement';
import { challengeService } from '@/services/challenge';
import { pickDocuments, requestSubscribe, uploadFile } from '@/services/cloud';
import { teamService } from '@/services/team';
import './index.scss';

type Form = {
  type: AchievementType;
  title: string;
  summary: string;
  evidenceKind: EvidenceKind;
  evidenceRef: string;
  images: string[];
  attachments: { name: string; fileId: string }[];
  contributorIds: string[];
  claimId: string | null;
};

const TYPE_OPTIONS = ACHIEVEMENT_TYPES.map((type) => ({ id: type, name: ACHIEVEMENT_TYPE_LABELS[type] }));
const CITABLE = ['accepted', 'won', 'completed'];

/** The form for a saved achievement, or a fresh one crediting the whole team. */
function formOf({ existing, team }: { existing: AchievementDetail | null; team: TeamDetail }): Form {
  if (existing) {
    return {
      type: existing.type,
      title: existing.title,
      summary: existing.summary,
      evidenceKind: existing.evidence.kind,
      evidenceRef: existing.evidence.ref,
      images: existing.images.map((image) => image.fileId),
      attachments: existing.attachments.map((file) => ({ name: file.name, fileId: file.fileId })),
      contributorIds: existing.contributors.map((person) => person.userId),
      claimId: existing.claim?.claimId ?? null,
    };
  }
  return {
    type: 'patent',
    title: '',
    summary: '',
    evidenceKind: USUAL_EVIDENCE.patent,
    evidenceRef: '',
    images: [],
    attachments: [],
    contributorIds: (team.members ?? []).map((member) => member.userId),
    claimId: null,
  };
}

/** Post or edit an achievement. A member saves drafts; the leader submits them for confirmation. */
export default function AchievementEditPage() {
  const { teamId = '', id = '' } = useRouter().params;
  const data = useRemote(async () => {
    const [team, claims, existing] = await Promise.all([
      teamService.detail(teamId),
      challengeService.teamClaims(teamId),
      id ? achievementService.detail(id) : Promise.resolve(null),
    ]);
    if (!team.ok) return team;
    if (!claims.ok) return claims;
    if (existing && !existing.ok) return existing;
    return { ok: true as const, data: { team: team.data, claims: claims.data, existing: existing?.data ?? null } };
  }, [teamId, id]);
  // What is typed is kept on the phone until saved; a fresh form starts from the team or the saved achievement.
  const draft = useStoredDraft<Form | null>(id ? null : `achievement.${teamId}.new`, null, data.data ? formOf(data.data) : null);
  const form = draft.value;
  const setForm = draft.update;
  const [saving, setSaving] = useState(false);
  const { errors, check } = useFormErrors();
  const patch = (changes: Partial<Form>) => form && setForm({ ...form, ...changes });

  const attach = async () => {
    if (!form) return;
    const picked = await pickDocuments(MAX_ACHIEVEMENT_ATTACHMENTS - form.attachments.length);
    const added: Form['attachments'] = [];
    for (const file of picked) {
      const uploaded = await uploadFile(file.path, 'attachments');
      if (!uploaded.ok) {
        toastFailure(uploaded);
        break;
      }
      added.push({ name: file.name.slice(0, 60), fileId: uploaded.data });
    }
    setForm({ ...form, attachments: [...form.attachments, ...added] });
  };

  const save = async (submit: boolean) => {
    if (!form || saving) return;
    const checked = check(saveAchievementInput, {
      teamId,
      achievementId: id || null,
      type: form.type,
      title: form.title,
      summary: form.summary,
      evidence: { kind: form.evidenceKind, ref: form.evidenceKind === 'none' ? '' : form.evidenceRef },
      images: form.images,
      attachments: form.attachments,
      contributorIds: form.contributorIds,
      claimId: form.claimId,
      submit,
      requestId: draft.requestId,
    });
    if (!checked) return;
    // Checked first, then asked before any await: WeChat only shows the subscription dialog inside the tap.
    const consent = submit ? requestSubscribe(['achievementResult', 'achievementFeatured']) : Promise.resolve([]);
    setSaving(true);
    await consent;
    const result = await achievementService.save(checked);
    setSaving(false);
    if (!result.ok) return toastFailure(result);
    draft.clear();
    await Taro.showToast({ title: submit ? '已提交确认' : '草稿已保存', icon: 'success' });
    void Taro.redirectTo({ url: `/packages/achievement/detail/index?id=${result.data.id}` });
  };

  const detail = data.data;
  const isLeader = detail?.team.viewer.isLeader ?? false;
  const claims = (detail?.claims ?? []).filter((claim) => CITABLE.includes(claim.status));
  return (
    <View className='kc-page'>
      <PageState loading={data.loading && !detail} error={data.error} onRetry={data.reload}>
        {detail && form ? (
          <>
            {draft.restored ? <DraftBanner onDiscard={draft.discard} /> : null}
            <View className='kc-card'>
              <View className='kc-muted'>
                {detail.team.name}
                {id ? '' : isLeader ? '' : ' · 队员起草，由队长提交确认'}
              </View>
              {detail.existing?.status === 'confirmed' ? (
                <View className='kc-banner'>这项成果已确认。修改后会重新提交确认，原确认版本会保留并标记「已修改」。</View>
              ) : null}
              <FormRow label='成果类型' required error={errors.type}>
                <SelectField
                  options={TYPE_OPTIONS}
                  value={form.type}
                  placeholder='请选择'
                  onPick={(type) => patch({ type, evidenceKind: USUAL_EVIDENCE[type] })}
                />
              </FormRow>
              <FormRow label='成果名称' required error={errors.title}>
                <Input
                  value={form.title}
                  onChange={(title) => patch({ title })}
                  placeholder='如：一种车规级芯片故障注入验证方法'
                  maxLength={60}
                />
              </FormRow>
              <FormRow label='成果简介' required block error={errors.summary}>
                <TextArea
                  value={form.summary}
                  onChange={(summary) => patch({ summary })}
                  placeholder='做成了什么、解决了什么问题、有何可核验的依据；据实写，不夸大'
                  maxLength={1000}
                  showCount
                  rows={5}
                />
              </FormRow>
              <EvidenceFields
                error={errors['evidence.ref']}
                kind={form.evidenceKind}
                reference={form.evidenceRef}
                onChange={({ kind, reference }) =>
                  patch({ evidenceKind: kind ?? form.evidenceKind, evidenceRef: reference ?? form.evidenceRef })
                }
              />
              {claims.length ? (
                <FormRow label='关联揭榜'>
                  <SelectField
                    options={[{ id: '', name: '不关联' }, ...claims.map((claim) => ({ id: claim.claimId, name: claim.challengeTitle }))]}
                    value={form.claimId ?? ''}
                    placeholder='不关联'
                    onPick={(claimId) => patch({ claimId: claimId || null })}
                  />
                </FormRow>
              ) : null}
            </View>
            <View className='kc-card'>
              <FormRow label='贡献者' required block error={errors.contributorIds}>
                {(detail.team.members ?? []).map((member) => (
                  <Checkbox
                    key={member.userId}
                    className='kc-achievement-form__member'
                    checked={form.contributorIds.includes(member.userId)}
                    onChange={(on) =>
                      patch({
                        contributorIds: on
                          ? [...form.contributorIds, member.userId]
                          : form.contributorIds.filter((one) => one !== member.userId),
                      })
                    }
                    label={`${member.name}${member.role === 'leader' ? '（队长）' : ''}`}
                  />
                ))}
              </FormRow>
              <FormRow label={`图片（最多 ${MAX_ACHIEVEMENT_IMAGES} 张，安全检查通过后公开）`} block>
                <PhotoPicker
                  value={form.images}
                  max={MAX_ACHIEVEMENT_IMAGES}
                  folder='achievements'
                  onChange={(images) => patch({ images })}
                />
              </FormRow>
              <FormRow label={`附件（最多 ${MAX_ACHIEVEMENT_ATTACHMENTS} 个）`} block>
                {form.attachments.map((file) => (
                  <View key={file.fileId} className='kc-row'>
                    <Text>📎 {file.name}</Text>
                    <Text
                      className='kc-link kc-link--danger'
                      onClick={() => patch({ attachments: form.attachments.filter((one) => one !== file) })}
                    >
                      移除
                    </Text>
                  </View>
                ))}
                {form.attachments.length < MAX_ACHIEVEMENT_ATTACHMENTS ? (
                  <Text className='kc-link' onClick={attach}>
                    ＋ 添加附件（PDF 等）
                  </Text>
                ) : null}
              </FormRow>
            </View>
            <View className='kc-actions'>
              {!detail.existing || detail.existing.status === 'draft' ? (
                <Button fill='outline' type='primary' loading={saving} onClick={() => save(false)}>
                  存草稿
                </Button>
              ) : null}
              {isLeader ? (
                <Button type='primary' loading={saving} onClick={() => save(true)}>
                  提交确认
                </Button>
              ) : null}
            </View>
          </>
        ) : null}
      </PageState>
    </View>
  );
}
