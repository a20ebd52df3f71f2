import { Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import { formatYuan } from '@core/money';
import { TRANSFER_KINDS, TRANSFER_KIND_LABELS } from '@core/need-rules';
import type { FieldErrors } from '@core/validate';
import type { BasisOption } from '@core/views';
import { DateField, FormRow, SelectField } from '@/components/FormRow';
import { KIND_HINTS, basisKey, digitsOnly, type TransferFormValue } from './form';

export type TransferFormProps = {
  value: TransferFormValue;
  options: BasisOption[];
  today: string;
  errors: FieldErrors;
  onChange: (value: TransferFormValue) => void;
};

const BASIS_PREFIX: Record<BasisOption['kind'], string> = { achievement: '成果', challenge: '榜单' };

/** The contract as registered (技术合同登记): what it is based on, its kind, number, parties, amount and date. */
export function TransferForm({ value, options, today, errors, onChange }: TransferFormProps) {
  const patch = (changes: Partial<TransferFormValue>) => onChange({ ...value, ...changes });
  const basisOptions = options.map((option) => ({ id: basisKey(option), name: `${BASIS_PREFIX[option.kind]}：${option.title}` }));
  return (
    <>
      <View className='kc-card'>
        <FormRow label='转化依据' required error={errors.basis}>
          <SelectField options={basisOptions} value={value.basis} placeholder='选择成果或榜单' onPick={(basis) => patch({ basis })} />
        </FormRow>
        <FormRow label='转化方式' required block error={errors.kind}>
          <View className='kc-transfer-kinds'>
            {TRANSFER_KINDS.map((kind) => (
              <View
                key={kind}
                className={value.kind === kind ? 'kc-transfer-kind kc-transfer-kind--on' : 'kc-transfer-kind'}
                onClick={() => patch({ kind })}
              >
                <Text className='kc-transfer-kind__label'>{TRANSFER_KIND_LABELS[kind]}</Text>
                <Text className='kc-muted'>{KIND_HINTS[kind]}</Text>
              </View>
            ))}
          </View>
        </FormRow>
      </View>
      <View className='kc-card'>
        <FormRow label='合同编号' required error={errors.contractNo}>
          <Input value={value.contractNo} onChange={(contractNo) => patch({ contractNo })} placeholder='技术合同登记编号' maxLength={40} />
        </FormRow>
        <FormRow label='转让方' required error={errors.transferor}>
          <Input value={value.transferor} onChange={(transferor) => patch({ transferor })} placeholder='合同上的成果方' maxLength={60} />
        </FormRow>
        <FormRow label='受让方' required error={errors.transferee}>
          <Input value={value.transferee} onChange={(transferee) => patch({ transferee })} placeholder='合同上的企业' maxLength={60} />
        </FormRow>
        <FormRow label='金额（元）' required error={errors.amount}>
          <View className='kc-transfer-amount'>
            <Input
              value={value.amount}
              onChange={(amount) => patch({ amount: digitsOnly(amount) })}
              type='digit'
              placeholder='整数，单位：元'
            />
            {value.amount ? <Text className='kc-transfer-amount__words'>= {formatYuan(Number(value.amount))}</Text> : null}
          </View>
        </FormRow>
        <FormRow label='签订日期' required error={errors.signedOn}>
          <DateField value={value.signedOn} end={today} onPick={(signedOn) => patch({ signedOn })} />
        </FormRow>
      </View>
    </>
  );
}
