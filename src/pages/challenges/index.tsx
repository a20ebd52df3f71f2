import { ComingSoon } from '@/components/ComingSoon';
import { useUnreadBadge } from '@/hooks/useUnreadBadge';

export default function ChallengesPage() {
  useUnreadBadge();
  return <ComingSoon title='揭榜挂帅榜单尚未开放' description='团组织发布的攻关榜单将在这里展示，已备案的突击队可以揭榜。' />;
}
