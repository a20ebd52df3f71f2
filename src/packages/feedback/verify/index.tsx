import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import type { Failure } from '@core/errors';
import { verifyLetterInput } from '@core/schemas/feedback';
import { formatDate, formatDayRange } from '@core/time';
import { validate } from '@core/validate';
import type { LetterVerification } from '@core/views';
import { FormRow } from '@/components/FormRow';
import { LetterItems } from '@/components/LetterItems';
import { Notice } from '@/components/PageState';
import { VerdictTag } from '@/components/StatusTag';
import { feedbackService } from '@/services/feedback';
import { LetterTransfers } from '../letter/LetterTransfers';

/** Anyone can check a letter: every item against the records as they are now. */
export default function VerifyLetterPage() {
  const initial = useRouter().params.code ?? '';
  const [code, setCode] = useState(initial);
  const [result, setResult] = useState<LetterVerification | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async (value: string) => {
    const checked = validate(verifyLetterInput, { refCode: value });
    if (!checked.ok) return setError(checked);
    setBusy(true);
    const answer = await feedbackService.verify(checked.data.refCode);
    setBusy(false);
    setResult(answer.ok ? answer.data : null);
    setError(answer.ok ? null : answer);
  };
  useEffect(() => {
    if (initial) void check(initial);
  }, [initial]);

  const verdicts = new Map((result?.items ?? []).map((item) => [item.id, item]));
  return (
    <View className='kc-page'>
      <View className='kc-card'>
        <FormRow label='查验码' required>
          <Input value={code} onChange={setCode} placeholder='反馈函上的 10 位查验码' maxLength={10} />
        </FormRow>
      </View>
      <Button type='primary' block loading={busy} onClick={() => void check(code)}>
        查验
      </Button>
      {error ? <Notice tone='error' title={error.message} /> : null}
      {result ? (
        <>
          <View className={result.allSame ? 'kc-banner kc-banner--success' : 'kc-banner kc-banner--danger'}>
            {result.allSame ? '各项与当前记录一致' : '部分记录在发函后已变更或撤销，以下方逐项结果为准'}
          </View>
          <View className='kc-card'>
            <Text>
              {result.orgName} 致 {result.partyOrgName}：「{result.teamName}」{formatDayRange(result.period.from, result.period.to)}，
              {formatDate(result.issuedAt)} 发出
            </Text>
            <LetterItems
              items={result.items}
              aside={(item) => (
                <View>
                  <VerdictTag verdict={verdicts.get(item.id)!.verdict} />
                  <View className='kc-muted'>{verdicts.get(item.id)!.current}</View>
                </View>
              )}
            />
          </View>
          {result.transfers.length ? (
            <View className='kc-card'>
              <Text className='kc-section-title'>成果转化（已确认）</Text>
              <LetterTransfers
                transfers={result.transfers}
                aside={(transfer) => (
                  <View>
                    <VerdictTag verdict={transfer.verdict} />
                    <View className='kc-muted'>{transfer.current}</View>
                  </View>
                )}
              />
            </View>
          ) : null}
        </>
      ) : null}
    </View>
  );
}
