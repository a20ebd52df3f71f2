import { ORG_CODE_DAYS } from '@core/admin-rules';
import type { IssuedCode } from '@core/views';
import { OneTimeCode } from '@/components/OneTimeCode';

/** An organizer code just issued: shown once (the server keeps only its hash). */
export function IssuedCodeCard({ issued }: { issued: IssuedCode }) {
  return (
    <OneTimeCode
      caption={`「${issued.orgName}」管理员邀请码`}
      code={issued.code}
      expiresAt={issued.expiresAt}
      noun='邀请码'
      note={`邀请码只显示这一次，离开本页后无法再查看；${ORG_CODE_DAYS} 天内有效，只能使用一次。请交给要成为管理员的人，在「我的 → 成为团组织管理员」中输入。`}
    />
  );
}
