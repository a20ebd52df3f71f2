import { ComingSoon } from '@/components/ComingSoon';
import { useUnreadBadge } from '@/hooks/useUnreadBadge';

export default function ProgressPage() {
  useUnreadBadge();
  return <ComingSoon title='进展记录尚未开放' description='这里将用于记录攻关进展和凭证（专利号、检测报告等），不强制每日打卡。' />;
}
