import type { IssuedRoleCode } from '@core/views';
import { OneTimeCode } from '@/components/OneTimeCode';

/** An expert's code just issued: shown this once (only its hash is kept). */
export function ExpertCodeCard({ issued }: { issued: IssuedRoleCode }) {
  return (
    <OneTimeCode
      caption={issued.label}
      code={issued.code}
      expiresAt={issued.expiresAt}
      noun='征榜评审码'
      note='征榜评审码只显示这一次，只能使用一次。请交给专家，在「我的 → 输入邀请码」中输入（不是「出题单位评审」），绑定后即可评审。'
    />
  );
}
