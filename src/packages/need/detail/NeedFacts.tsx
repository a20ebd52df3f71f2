import { Text, View } from '@tarojs/components';
import { NEED_VISIBILITY_LABELS } from '@core/need-rules';
import type { NeedDetail } from '@core/views/need';
import { NeedStatusTag } from '../components/NeedStatusTag';

/** What the enterprise asked for: the need itself, and whom to contact when the reader may see that. */
export function NeedFacts({ detail }: { detail: NeedDetail }) {
  return (
    <>
      <View className='kc-card'>
        <View className='kc-row kc-need-detail__head'>
          <Text className='kc-need-detail__title'>{detail.title}</Text>
          <View>
            <NeedStatusTag status={detail.status} />
          </View>
        </View>
        <View className='kc-need-detail__facts'>
          <Fact label='所属领域' value={detail.field} />
          <Fact label='企业' value={detail.enterpriseName} />
          <Fact label='受理团组织' value={detail.leagueOrgName} />
          <Fact label='预算范围' value={detail.budget || '未填写'} />
          <Fact label='期望周期' value={detail.timeline} />
          <Fact label='公开范围' value={NEED_VISIBILITY_LABELS[detail.visibility]} />
          {detail.contactName ? (
            <Fact label='联系人' value={detail.contactPhone ? `${detail.contactName} ${detail.contactPhone}` : detail.contactName} />
          ) : null}
        </View>
      </View>
      <View className='kc-section-title'>问题与现状</View>
      <View className='kc-card kc-need-detail__text'>{detail.problem}</View>
      <View className='kc-section-title'>目标指标</View>
      <View className='kc-card kc-need-detail__text'>{detail.targets}</View>
    </>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className='kc-need-detail__fact'>
      <Text className='kc-muted kc-need-detail__fact-label'>{label}</Text>
      <Text className='kc-need-detail__fact-value'>{value}</Text>
    </View>
  );
}
