import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import type { PageCursor } from '@core/cursor';
import type { Failure } from '@core/errors';
import { NEED_STATUS_LABELS } from '@core/need-rules';
import type { NeedCard, NeedDetail } from '@core/views/need';
import { needService } from '@/services/need';

export type MergePickerProps = { need: NeedDetail; value: string; onPick: (needId: string) => void };

type Lists = { items: NeedCard[]; open: PageCursor | null; done: PageCursor | null };
const START: Lists = { items: [], open: null, done: null };

/** A need may be merged into another of the same org that is still open or already decided (not merged or withdrawn). */
const mergeable = (need: NeedDetail) => (card: NeedCard) => card.id !== need.id && card.status !== 'merged' && card.status !== 'withdrawn';

/** The other needs of the same org (待接单 and 已处理, from the queue) to merge this one into. */
export function MergePicker({ need, value, onPick }: MergePickerProps) {
  const [lists, setLists] = useState<Lists | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [loading, setLoading] = useState(false);

  const load = async (from: Lists, first: boolean) => {
    setLoading(true);
    const orgId = need.leagueOrgId;
    const [open, done] = await Promise.all([
      first || from.open ? needService.queue({ orgId, view: 'open', cursor: from.open }) : null,
      first || from.done ? needService.queue({ orgId, view: 'done', cursor: from.done }) : null,
    ]);
    setLoading(false);
    const failed = [open, done].find((result) => result && !result.ok);
    if (failed && !failed.ok) return setError(failed);
    const added = [...(open?.ok ? open.data.items : []), ...(done?.ok ? done.data.items : [])].filter(mergeable(need));
    setLists({
      items: [...from.items, ...added.filter((card) => !from.items.some((seen) => seen.id === card.id))],
      open: open?.ok ? open.data.nextCursor : null,
      done: done?.ok ? done.data.nextCursor : null,
    });
  };

  useEffect(() => {
    void load(START, true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [need.id]);

  if (error) return <View className='kc-muted'>没能读取本组织的其他需求：{error.message}</View>;
  if (!lists) return <View className='kc-muted'>正在读取本组织的其他需求…</View>;
  return (
    <View className='kc-need-decide__choices' ariaRole='radiogroup' ariaLabel='合并到的需求'>
      {lists.items.length ? null : <View className='kc-muted'>本组织没有可以合并到的其他需求。</View>}
      {lists.items.map((card) => (
        <View
          key={card.id}
          className={card.id === value ? 'kc-need-decide__outcome kc-need-decide__outcome--on' : 'kc-need-decide__outcome'}
          ariaRole='radio'
          aria-checked={card.id === value}
          onClick={() => onPick(card.id)}
        >
          <Text className='kc-need-decide__outcome-name'>{card.title}</Text>
          <Text className='kc-muted'>
            {card.enterpriseName} · {NEED_STATUS_LABELS[card.status]}
          </Text>
        </View>
      ))}
      {lists.open || lists.done ? (
        <Button size='small' fill='outline' loading={loading} onClick={() => void load(lists, false)}>
          加载更多
        </Button>
      ) : null}
    </View>
  );
}
