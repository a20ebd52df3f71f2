import { ComingSoon } from '@/components/ComingSoon';
import { useUnreadBadge } from '@/hooks/useUnreadBadge';

export default function HomePage() {
  useUnreadBadge();
  return (
    <ComingSoon title='成果动态尚未开放' description='经团组织或出题单位确认的成果将在这里展示。目前可在「我的」中组建或加入突击队。' />
  );
}
