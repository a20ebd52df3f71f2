import { ROLE_CODE_DAYS, ROLE_CODE_LABELS } from '@core/need-rules';
import type { IssuedRoleCode } from '@core/views/need';
import { OneTimeCode } from '@/components/OneTimeCode';

/** A role code just issued: shown once (the server keeps only its hash). */
export function IssuedRoleCodeCard({ issued }: { issued: IssuedRoleCode }) {
  return (
    <OneTimeCode
      caption={`${ROLE_CODE_LABELS[issued.kind]}邀请码：${issued.label}`}
      code={issued.code}
      expiresAt={issued.expiresAt}
      noun='邀请码'
      note={`邀请码只显示这一次，离开本页后无法再查看；${ROLE_CODE_DAYS[issued.kind]} 天内有效，只能使用一次。请交给对方，在「我的 → 输入邀请码」中输入。`}
    />
  );
}
