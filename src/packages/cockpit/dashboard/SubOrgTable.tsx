import { ScrollView, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatYuan } from '@core/money';
import type { Dashboard, Figures } from '@core/views';
import { rate } from './labels';

type Column = { title: string; value: (figures: Figures) => string | number };

/** The same figures for each org below, one column each (what waits and what came of it; no activity counts). */
export const SUB_ORG_COLUMNS: Column[] = [
  { title: '已备案队伍', value: (f) => f.teams.byStatus.registered },
  { title: '待审核队伍', value: (f) => f.teams.byStatus.pending },
  { title: '逾期未更新备案', value: (f) => f.teams.refreshOverdue },
  { title: '榜单（征榜）', value: (f) => f.challenges.funnel[0]?.count ?? 0 },
  { title: '已夺榜', value: (f) => f.challenges.outcomes.completed },
  { title: '未成功', value: (f) => f.challenges.outcomes.failed },
  { title: '止步队伍', value: (f) => f.challenges.outcomes.stopped },
  { title: '已确认成果', value: (f) => f.achievements.confirmed },
  { title: '待确认成果', value: (f) => f.achievements.unconfirmed },
  { title: '反馈函已送达', value: (f) => f.feedback.letters.issued },
  { title: '已签收', value: (f) => f.feedback.letters.acknowledged },
  { title: '逾期未签收', value: (f) => f.feedback.letters.overdue },
  { title: '通知确认率', value: (f) => rate(f.feedback.notices.acknowledged, f.feedback.notices.recipients) },
  { title: '收到企业需求', value: (f) => f.needs.funnel[0]?.count ?? 0 },
  { title: '已确认成交额', value: (f) => formatYuan(f.transfers.confirmed.amount) },
];

/** In H5 a region that scrolls takes keyboard focus, so arrow keys scroll it (the mini program ignores it). */
const KEYBOARD_SCROLLABLE = { tabIndex: 0 } as Record<string, unknown>;

const open = (orgId: string) => void Taro.navigateTo({ url: `/packages/cockpit/dashboard/index?orgId=${encodeURIComponent(orgId)}` });

/**
 * One row per org directly below, in the order the org tree lists them (never sorted by a figure).
 * On a phone the table scrolls sideways with the org names kept in the first column; at desktop
 * width it is a full table. A row opens that org's own dashboard.
 */
export function SubOrgTable({ subOrgs }: { subOrgs: Dashboard['subOrgs'] }) {
  return (
    <ScrollView scrollX className='kc-suborgs' aria-label='下级组织的统计' {...KEYBOARD_SCROLLABLE}>
      <View className='kc-suborgs__table'>
        <View className='kc-suborgs__row kc-suborgs__row--head'>
          <Text className='kc-suborgs__cell kc-suborgs__cell--name'>组织</Text>
          {SUB_ORG_COLUMNS.map((column) => (
            <Text key={column.title} className='kc-suborgs__cell'>
              {column.title}
            </Text>
          ))}
        </View>
        {subOrgs.map((sub) => (
          <View key={sub.orgId} className='kc-suborgs__row' onClick={() => open(sub.orgId)}>
            <Text className='kc-suborgs__cell kc-suborgs__cell--name kc-suborgs__link'>{sub.orgName}</Text>
            {SUB_ORG_COLUMNS.map((column) => (
              <Text key={column.title} className='kc-suborgs__cell'>
                {column.value(sub.figures)}
              </Text>
            ))}
          </View>
        ))}
      </View>
    </ScrollView>
  );
}
