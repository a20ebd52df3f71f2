import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { formatDate, formatDayRange } from '@core/time';
import type { LetterCard } from '@core/views';
import { PageState } from '@/components/PageState';
import { usePaged } from '@/hooks/usePaged';
import { LetterStatusTag } from '@/components/StatusTag';
import { feedbackService } from '@/services/feedback';
import './index.scss';
import { ExportButton } from '@/components/ExportButton';
import { useOrganizerScope } from '@/hooks/useOrganizerScope';

type Scope = 'contact' | 'manage';

/** Letters received by the caller's party organization, or (manage) those the caller's orgs issued and drafted. */
export default function LettersPage() {
  const scope = (useRouter().params.scope === 'manage' ? 'manage' : 'contact') as Scope;
  const list = usePaged((cursor) => feedbackService.letters({ scope, cursor }), [scope]);

  const open = (letter: LetterCard) =>
    Taro.navigateTo({
      url:
        letter.status === 'draft'
          ? `/packages/feedback/compose/index?teamId=${letter.teamId}&draftId=${letter.id}`
          : `/packages/feedback/letter/index?id=${letter.id}`,
    });
  const exportScope = useOrganizerScope();
  return (
    <View className='kc-page'>
      {scope === 'manage' ? (
        <View className='kc-actions kc-letters__actions'>
          <Button type='primary' onClick={() => void Taro.navigateTo({ url: '/packages/feedback/compose/index' })}>
            写反馈函
          </Button>
          <Button fill='outline' type='primary' onClick={() => void Taro.navigateTo({ url: '/packages/feedback/contacts/index' })}>
            党组织联系人
          </Button>
          {exportScope ? <ExportButton orgId={exportScope} table='letters' label='导出反馈函' /> : null}
        </View>
      ) : null}
      <PageState
        {...list.state}
        emptyTitle={scope === 'manage' ? '还没有反馈函' : '暂无反馈函'}
        emptyDescription={
          scope === 'manage' ? '每季度会为有新确认记录的队伍准备草稿，也可以随时写一封。' : '团组织发给你所在党组织的反馈函会出现在这里。'
        }
      >
        {list.page?.items.map((letter) => (
          <View key={letter.id} className='kc-card' onClick={() => void open(letter)}>
            <View className='kc-row'>
              <Text className='kc-letters__title'>「{letter.teamName}」反馈函</Text>
              <View>
                <LetterStatusTag status={letter.status} flagged={letter.flagged} />
              </View>
            </View>
            <Text className='kc-muted kc-letters__meta'>
              致 {letter.partyOrgName} · {formatDayRange(letter.period.from, letter.period.to)} · {letter.itemCount} 项
            </Text>
            <Text className='kc-muted kc-letters__meta'>
              {letter.refCode ? `查验码 ${letter.refCode} · ${formatDate(letter.issuedAt ?? 0)} 发出` : '季度草稿，待审核后发出'}
            </Text>
          </View>
        ))}
      </PageState>
    </View>
  );
}
