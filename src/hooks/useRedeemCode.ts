import { useState } from 'react';
import { isRetryable, type Result } from '@core/errors';
import { redeemCodeInput } from '@core/schemas/admin';
import { toastFailure } from '@/hooks/feedback';
import { useFormErrors } from '@/hooks/useFormErrors';
import { useUserStore } from '@/stores/useUserStore';

/**
 * A one-time code box (organizer, enterprise, cadre, expert, transfer codes share one alphabet):
 * checked before sending, a refusal's reason kept beside the field, and 我的 reloaded once the new
 * role is held.
 */
export function useRedeemCode<T>(redeem: (code: string) => Promise<Result<T>>, initial = '', afterRedeem?: () => void) {
  const { errors, check, setErrors } = useFormErrors();
  const [code, setCode] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [redeemed, setRedeemed] = useState<T | null>(null);
  const reloadMe = useUserStore((state) => state.load);

  const submit = async () => {
    if (busy) return;
    const checked = check(redeemCodeInput, { code });
    if (!checked) return;
    setBusy(true);
    const result = await redeem(checked.code);
    setBusy(false);
    if (!result.ok) {
      // A refused code's reason (used, expired, wrong) stays beside the field, where it is read in full.
      if (!isRetryable(result.code)) setErrors({ code: result.message });
      return toastFailure(result);
    }
    setRedeemed(result.data);
    setCode('');
    void reloadMe();
    afterRedeem?.();
  };

  return { code, setCode, busy, errors, redeemed, setRedeemed, submit };
}
