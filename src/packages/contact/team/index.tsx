import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { ContactRecordView, OpinionView, TeamContacts } from '@core/views';
import { PageState } from '@/components/PageState';
import { loadStored } from '@/services/draft-storage';
import { toastDone, toastFailure } from '@/hooks/feedback';
import { useRemote } from '@/hooks/useRemote';
import { contactService } from '@/services/contact';
import { FollowUpDialog, type FollowUp } from './FollowUpDialog';
import { RecordForm } from './RecordForm';
import { RecordItem } from './RecordItem';
import '../shared.scss';
import './index.scss';

/** A team's contact records (timeline) with the opinions and how they were followed up; organizers add and follow up. */
export default function TeamContactsPage() {
  const { teamId = '', orgId, cycle } = useRouter().params;
  const data = useRemote(() => contactService.teamContacts(teamId), [teamId]);
  const view = data.data;
  // A form left half-filled opens again as it was.
  const [writing, setWriting] = useState(() => loadStored(`contact.record.${teamId}`) !== null);
  const [followUp, setFollowUp] = useState<FollowUp | null>(null);
  const organizes = view ? Object.keys(view.owners).length > 0 : false;

  const replace = (next: TeamContacts) => data.setData(next);
  const onRecord = (record: ContactRecordView) => {
    setWriting(false);
    if (view) replace({ ...view, records: [record, ...view.records.filter((item) => item.id !== record.id)] });
    void data.reload(); // the timeline's order and the ledger's counters
  };
  const step = (record: ContactRecordView, opinion: OpinionView, state: FollowUp['state']) =>
    setFollowUp({ opinion, orgId: record.orgId, state });

  const sendFollowUp = async (reply: string, ownerId: string | undefined) => {
    const asked = followUp;
    setFollowUp(null);
    if (!asked || !view) return;
    const result = await contactService.updateOpinion({
      orgId: asked.orgId,
      opinionId: asked.opinion.id,
      state: asked.state,
      reply,
      ...(ownerId ? { ownerId } : {}),
    });
    if (!result.ok) return toastFailure(result);
    toastDone('已更新');
    replace({
      ...view,
      records: view.records.map((record) => ({
        ...record,
        opinions: record.opinions.map((opinion) => (opinion.id === result.data.id ? result.data : opinion)),
      })),
    });
  };

  return (
    <View className='kc-page'>
      <View className='kc-contact kc-wide'>
        <PageState loading={data.loading && !view} error={data.error} onRetry={data.reload}>
          {view ? (
            <View>
              <View className='kc-card'>
                <View className='kc-row'>
                  <Text className='kc-contact__org'>{view.teamName}</Text>
                  {organizes && view.openCycles.length && !writing ? (
                    <Button size='small' type='primary' onClick={() => setWriting(true)}>
                      记录联系
                    </Button>
                  ) : null}
                </View>
                <Text className='kc-muted'>
                  {organizes ? '团组织直接联系本队的记录与意见建议跟进' : '团组织直接联系本队的记录，以及意见建议的办理情况'}
                </Text>
                {organizes && !view.openCycles.length ? (
                  <View className='kc-banner'>
                    本队不在你所管理组织当前周期的直接联系名单中；先在「直接联系」台账中选择它，再记录联系。
                  </View>
                ) : null}
              </View>
              {writing && organizes && view.openCycles.length ? (
                <RecordForm
                  teamId={teamId}
                  cycles={view.openCycles}
                  preferred={{ orgId, cycle }}
                  onDone={onRecord}
                  onCancel={() => setWriting(false)}
                />
              ) : null}
              <View className='kc-section-title'>联系记录（{view.records.length}）</View>
              {view.records.length ? (
                <View className='kc-contact-timeline'>
                  {view.records.map((record) => (
                    <RecordItem key={record.id} record={record} onStep={organizes ? step : undefined} />
                  ))}
                </View>
              ) : (
                <View className='kc-card kc-muted'>还没有直接联系记录。</View>
              )}
            </View>
          ) : null}
        </PageState>
      </View>
      <FollowUpDialog
        followUp={followUp}
        owners={followUp && view ? (view.owners[followUp.orgId] ?? []) : []}
        onConfirm={(reply, ownerId) => void sendFollowUp(reply, ownerId)}
        onCancel={() => setFollowUp(null)}
      />
    </View>
  );
}
