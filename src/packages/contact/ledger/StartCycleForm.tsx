import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { CYCLE_YEARS_DEFAULT } from '@core/contact-rules';
import type { Ledger } from '@core/views';
import { formatDayRange, shanghaiDay } from '@core/time';
import { FormRow, SelectField } from '@/components/FormRow';
import { confirmStep, toastDone, toastFailure } from '@/hooks/feedback';
import { contactService } from '@/services/contact';

export type StartCycleFormProps = { ledger: Ledger; onDone: (ledger: Ledger) => void; onCancel?: () => void };

const YEAR_SPANS = [1, 2, 3, 4, 5].map((years) => ({ id: String(years), name: `${years} 年` }));

/** The first year a new cycle may take: right after the cycle shown, or this year. */
function firstFreeYear(ledger: Ledger, thisYear: number): number {
  const after = ledger.cycle ? Number(ledger.cycle.endDay.slice(0, 4)) + 1 : thisYear;
  return Math.min(Math.max(after, thisYear - 1), thisYear + 1);
}

/** 开始新周期: its first year and how many years it runs (two by default), confirmed before it is written. */
export function StartCycleForm({ ledger, onDone, onCancel }: StartCycleFormProps) {
  const thisYear = Number(shanghaiDay(Date.now()).slice(0, 4));
  const yearOptions = [thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((year) => ({ id: String(year), name: `${year} 年` }));
  const [cycle, setCycle] = useState(String(firstFreeYear(ledger, thisYear)));
  const [years, setYears] = useState(String(CYCLE_YEARS_DEFAULT));
  const [busy, setBusy] = useState(false);
  const range = formatDayRange(`${cycle}-01-01`, `${Number(cycle) + Number(years) - 1}-12-31`);

  const start = async () => {
    if (busy) return;
    const asked = `「${ledger.orgName}」的新周期为 ${range}。周期开始后不能删除，之后可在其中选择直接联系的队伍。`;
    if (!(await confirmStep('开始新周期', asked, '开始'))) return;
    setBusy(true);
    const result = await contactService.startCycle({ orgId: ledger.orgId, cycle, years: Number(years) });
    setBusy(false);
    if (!result.ok) return toastFailure(result);
    toastDone('已开始新周期');
    onDone(result.data);
  };

  return (
    <>
      <FormRow label='起始年份' required>
        <SelectField options={yearOptions} value={cycle} placeholder='请选择' onPick={setCycle} />
      </FormRow>
      <FormRow label='周期长度' required>
        <SelectField options={YEAR_SPANS} value={years} placeholder='请选择' onPick={setYears} />
      </FormRow>
      <Text className='kc-muted'>{range}</Text>
      <View className='kc-actions'>
        {onCancel ? (
          <Button fill='outline' onClick={onCancel}>
            取消
          </Button>
        ) : null}
        <Button type='primary' loading={busy} onClick={start}>
          开始周期
        </Button>
      </View>
    </>
  );
}
