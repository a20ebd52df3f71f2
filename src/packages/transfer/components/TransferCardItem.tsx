import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatYuan } from '@core/money';
import { TRANSFER_KIND_LABELS } from '@core/need-rules';
import { formatDay } from '@core/time';
import type { TransferCard } from '@core/views';
import { TransferStatusTag } from './TransferStatusTag';
import './transfer.scss';

export type TransferCardItemProps = {
  transfer: TransferCard;
  /** Name the team on the card (lists that mix teams, e.g. 待我确认). */
  showTeam?: boolean;
};

/** One transfer in a list: kind, contract, the other party, amount and date; opens its page. */
export function TransferCardItem({ transfer, showTeam }: TransferCardItemProps) {
  const open = () => void Taro.navigateTo({ url: `/packages/transfer/detail/index?id=${transfer.id}` });
  return (
    <View className='kc-card kc-transfer-card' onClick={open}>
      <View className='kc-row'>
        <Text className='kc-transfer-card__title'>
          {TRANSFER_KIND_LABELS[transfer.kind]} · {transfer.transferee}
        </Text>
        <View>
          <TransferStatusTag status={transfer.status} />
        </View>
      </View>
      <View className='kc-transfer-card__amount'>{formatYuan(transfer.amount)}</View>
      <Text className='kc-muted kc-transfer-card__meta'>
        合同编号 {transfer.contractNo} · {formatDay(transfer.signedOn)} 签订
        {showTeam ? ` · ${transfer.teamName}` : ''}
      </Text>
    </View>
  );
}
