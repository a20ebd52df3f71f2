import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { formatYuan } from '@core/money';
import { TRANSFER_KIND_LABELS } from '@core/need-rules';
import { formatDate, formatDay } from '@core/time';
import type { LetterTransferView } from '@core/views';

export type LetterTransfersProps<T extends LetterTransferView> = {
  transfers: T[];
  /** Something to show at the end of each row (a verdict). */
  aside?: (transfer: T) => ReactNode;
};

/**
 * 成果转化 as a letter states them: only transfers the enterprise party confirmed (pending ones are
 * never in a letter) — kind, contract number, the other party, amount, signing date, and who
 * confirmed it when.
 */
export function LetterTransfers<T extends LetterTransferView>({ transfers, aside }: LetterTransfersProps<T>) {
  return (
    <View className='kc-letter-items' aria-label='成果转化（已确认）'>
      {transfers.map((transfer, index) => (
        <View key={transfer.id} className='kc-letter-items__row'>
          <View className='kc-letter-items__main'>
            <Text className='kc-letter-items__title'>
              {index + 1}. 【{TRANSFER_KIND_LABELS[transfer.kind]}】{transfer.transferee} · {formatYuan(transfer.amount)}
            </Text>
            <Text className='kc-muted'>
              合同编号 {transfer.contractNo}，{formatDay(transfer.signedOn)}签订
            </Text>
            <Text className='kc-muted'>
              确认：{transfer.confirmedByName}（{transfer.transferee}），{formatDate(transfer.confirmedAt)}
            </Text>
          </View>
          {aside ? <View className='kc-letter-items__aside'>{aside(transfer)}</View> : null}
        </View>
      ))}
    </View>
  );
}
