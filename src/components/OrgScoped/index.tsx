import { View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { PageState } from '@/components/PageState';
import { ScopeTabs } from '@/components/ScopeTabs';
import { useMe, useUserStore } from '@/stores/useUserStore';

export type OrgScopedProps = {
  /** The orgs the user may pick from (their organizer or cadre scopes), the first one picked at first. */
  scopes: { id: string; name: string }[];
  /** An org the link names: used as is, without a switch. */
  fixed?: string;
  /** What someone with no scope is told, with what to do. */
  refusal: ReactNode;
  /** Shown instead of the switch when there is only one org. */
  single?: (scope: { id: string; name: string }) => ReactNode;
  className?: string;
  children: (orgId: string) => ReactNode;
};

/** An organizer's page about one org: waits for the user, refuses without a scope, and switches between scopes. */
export function OrgScoped({ scopes, fixed, refusal, single, className, children }: OrgScopedProps) {
  const me = useMe();
  const meError = useUserStore((state) => state.error);
  const reloadMe = useUserStore((state) => state.load);
  const [picked, setPicked] = useState('');
  const orgId = fixed || (scopes.some((scope) => scope.id === picked) ? picked : (scopes[0]?.id ?? ''));
  if (!orgId) {
    return <View className='kc-page'>{me ? refusal : <PageState loading error={meError} onRetry={() => void reloadMe()} />}</View>;
  }
  const switcher =
    !fixed && scopes.length > 1 ? (
      <ScopeTabs options={scopes.map((scope) => ({ value: scope.id, label: scope.name }))} value={orgId} onChange={setPicked} />
    ) : null;
  return (
    <View className='kc-page'>
      <View className={className ? `kc-wide ${className}` : 'kc-wide'}>
        {switcher ?? (single && scopes[0] && !fixed ? single(scopes[0]) : null)}
        {children(orgId)}
      </View>
    </View>
  );
}
