import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { NEED_STATUS_LABELS } from '@core/need-rules';
import { formatDate, formatShortDay, formatTime, shanghaiDay } from '@core/time';
import type { NeedDetail } from '@core/views/need';
import { needDetailUrl } from '../components/links';
import { challengeDetailUrl } from '../trace/links';

const go = (url: string) => void Taro.navigateTo({ url });

/** Where the need stands: waiting, taken by whom and by when they answer, or how it ended and why. */
export function StatusBand({ detail }: { detail: NeedDetail }) {
  if (detail.withdrawn) {
    return (
      <View className='kc-card kc-need-band'>
        <Text className='kc-need-band__title'>企业已于{formatDate(detail.withdrawn.at)}撤回</Text>
        <Text className='kc-need-band__line'>原因：{detail.withdrawn.reason}</Text>
      </View>
    );
  }
  if (detail.outcome) return <OutcomeBand detail={detail} outcome={detail.outcome} />;
  if (detail.status === 'draft') {
    return (
      <View className='kc-card kc-need-band'>
        <Text className='kc-need-band__title'>草稿</Text>
        <Text className='kc-need-band__line kc-muted'>提交后团组织才能看到并接单。</Text>
      </View>
    );
  }
  if (detail.status === 'submitted') {
    return (
      <View className='kc-card kc-need-band'>
        <Text className='kc-need-band__title'>待接单</Text>
        <Text className='kc-need-band__line kc-muted'>等待「{detail.leagueOrgName}」的接单干部接单。</Text>
      </View>
    );
  }
  return (
    <View className='kc-card kc-need-band'>
      <Text className='kc-need-band__title'>处理中 · 由 {detail.ownerName ?? '接单干部'} 负责</Text>
      <FirstResponse detail={detail} />
    </View>
  );
}

/** 「首次回复期限 M月D日」 with whether it was met. */
function FirstResponse({ detail }: { detail: NeedDetail }) {
  if (detail.respondBy === null) return null;
  return (
    <View className='kc-need-band__line'>
      <Text>首次回复期限 {formatShortDay(shanghaiDay(detail.respondBy))}</Text>
      {detail.respondedAt !== null ? (
        <Text className='kc-need-band__ok'>
          已于 {formatShortDay(shanghaiDay(detail.respondedAt))} {formatTime(detail.respondedAt)} 回复
        </Text>
      ) : detail.responseOverdue ? (
        <Text className='kc-need-band__late'>已逾期</Text>
      ) : null}
    </View>
  );
}

type Outcome = NonNullable<NeedDetail['outcome']>;

function OutcomeBand({ detail, outcome }: { detail: NeedDetail; outcome: Outcome }) {
  const { challenge, mergedInto } = outcome;
  return (
    <View className='kc-card kc-need-band'>
      <Text className='kc-need-band__title'>{NEED_STATUS_LABELS[detail.status]}</Text>
      <Text className='kc-need-band__line kc-muted'>
        {outcome.byName} 于 {formatDate(outcome.at)} 处理
      </Text>
      <Text className='kc-need-band__line'>原因：{outcome.reason}</Text>
      {challenge ? (
        <Text className='kc-link kc-link--wrap' onClick={() => go(challengeDetailUrl(challenge.id))}>
          查看榜单：{challenge.title} ›
        </Text>
      ) : null}
      {challenge && (detail.viewer.isEnterprise || detail.viewer.isCadre) ? (
        <Text className='kc-link kc-link--wrap' onClick={() => go(`/packages/challenge/solicit/index?id=${challenge.id}`)}>
          征榜评审：出题方承诺与专家意见 ›
        </Text>
      ) : null}
      {outcome.teams.length ? (
        <View className='kc-need-band__teams'>
          <Text className='kc-muted'>推荐的团队</Text>
          {outcome.teams.map((team) => (
            <Text key={team.id} className='kc-need-band__line'>
              {team.name}（{team.orgName}）
            </Text>
          ))}
        </View>
      ) : null}
      {mergedInto ? (
        <Text className='kc-link kc-link--wrap' onClick={() => go(needDetailUrl(mergedInto.id))}>
          合并到：{mergedInto.title} ›
        </Text>
      ) : null}
    </View>
  );
}
