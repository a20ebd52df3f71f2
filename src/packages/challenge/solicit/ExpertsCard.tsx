import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { EXPERT_VERDICT_LABELS, type ExpertVerdict } from '@core/need-rules';
import { MAX_EXPERTS } from '@core/solicit-rules';
import { formatDateTime } from '@core/time';
import type { IssuedRoleCode, SolicitationView } from '@core/views';
import { ToneTag, type Tone } from '@/components/ToneTag';
import { ExpertCodeCard } from './ExpertCodeCard';

const TONES: Record<ExpertVerdict, Tone> = { pending: 'muted', approved: 'success', returned: 'danger' };

type Expert = SolicitationView['experts'][number];

export type ExpertsCardProps = {
  solicit: SolicitationView;
  /** Organizers, while the challenge is a draft: invite, remove, and issue a lost code again. */
  canInvite: boolean;
  /** Just issued: shown once. */
  issued: IssuedRoleCode | null;
  busy: boolean;
  onInvite: () => void;
  onReview: (verdict: 'approved' | 'returned') => void;
  onRemove: (expert: Expert) => void;
  /** A fresh code for an expert who has not bound theirs (the old one stops working). */
  onReissue: (expert: Expert) => void;
};

/** 评审专家: each named reviewer, whether they have bound their code, and their verdict with its comment. */
export function ExpertsCard({ solicit, canInvite, issued, busy, onInvite, onReview, onRemove, onReissue }: ExpertsCardProps) {
  const mine = solicit.viewer.expertSlot;
  return (
    <View className='kc-card kc-solicit__block'>
      <Text className='kc-solicit__block-title'>评审专家</Text>
      {solicit.experts.length ? (
        solicit.experts.map((expert) => (
          <View key={expert.slot} className='kc-solicit__expert'>
            <View className='kc-row'>
              <Text>
                {expert.name}
                {expert.slot === mine ? '（你）' : ''}
              </Text>
              <View>
                {expert.bound ? (
                  <ToneTag tone={TONES[expert.verdict]}>{EXPERT_VERDICT_LABELS[expert.verdict]}</ToneTag>
                ) : (
                  <ToneTag tone='warning'>待绑定征榜评审码</ToneTag>
                )}
              </View>
            </View>
            {expert.comment ? <Text className='kc-solicit__comment'>意见：{expert.comment}</Text> : null}
            {expert.at ? <Text className='kc-muted'>{formatDateTime(expert.at)}</Text> : null}
            {canInvite ? (
              <View className='kc-actions'>
                {expert.bound ? null : (
                  <Button size='small' fill='outline' type='primary' disabled={busy} onClick={() => onReissue(expert)}>
                    重新生成评审码
                  </Button>
                )}
                <Button size='small' fill='outline' type='danger' disabled={busy} onClick={() => onRemove(expert)}>
                  移除
                </Button>
              </View>
            ) : null}
          </View>
        ))
      ) : (
        <View className='kc-muted'>还没有邀请评审专家。发榜前至少需要一位队外专家评审通过。</View>
      )}
      {issued ? <ExpertCodeCard issued={issued} /> : null}
      {mine !== null ? (
        <View className='kc-actions'>
          <Button type='danger' fill='outline' disabled={busy} onClick={() => onReview('returned')}>
            退回修改
          </Button>
          <Button type='primary' loading={busy} onClick={() => onReview('approved')}>
            同意发榜
          </Button>
        </View>
      ) : null}
      {canInvite && solicit.experts.length < MAX_EXPERTS ? (
        <View className='kc-actions'>
          <Button fill='outline' type='primary' disabled={busy} onClick={onInvite}>
            邀请专家
          </Button>
        </View>
      ) : null}
    </View>
  );
}
