import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { both, failure, ok } from '@core/errors';
import type { OrganizerList, OrgTree } from '@core/views';
import { PageState } from '@/components/PageState';
import { ReasonDialog } from '@/components/ReasonDialog';
import { confirmStep, toastDone } from '@/hooks/feedback';
import { useRemote } from '@/hooks/useRemote';
import { adminService } from '@/services/admin';
import { findOrg, moveTargets } from '../orgs/tree';
import { CreateOrgForm } from './CreateOrgForm';
import { MoveOrgForm } from './MoveOrgForm';
import { Organizers } from './Organizers';
import { OrgSummary } from './OrgSummary';
import { RenameOrgForm } from './RenameOrgForm';
import { explainRefusal } from './refusal';
import './index.scss';

type Editing = 'rename' | 'create' | 'move' | null;

/** 组织详情: one org the caller manages, what may be changed about it, and who administers it. */
export default function OrgPage() {
  const { id = '' } = useRouter().params;
  const data = useRemote(async () => {
    const read = await both(adminService.organizers(id), adminService.orgTree());
    if (!read.ok) return read;
    const [organizers, tree] = read.data;
    if (!findOrg(tree, id)) return failure('NOT_FOUND', '找不到这个组织，或它不在你的管理范围内');
    return ok({ tree, organizers });
  }, [id]);
  const [editing, setEditing] = useState<Editing>(null);
  const [retiring, setRetiring] = useState(false);

  const tree = data.data?.tree;
  const org = tree ? findOrg(tree, id) : null;
  const onTree = (next: OrgTree) => {
    if (data.data) data.setData({ ...data.data, tree: next });
    setEditing(null);
  };
  const onList = (organizers: OrganizerList) => data.data && data.setData({ ...data.data, organizers });

  const retire = async (reason: string) => {
    setRetiring(false);
    if (!org || !data.data) return;
    const holders = org.kind === 'league' ? data.data.organizers.organizers.length : 0;
    const losing = holders ? `它的 ${holders} 位管理员将失去管理员身份。` : '';
    const asked = `「${org.name}」撤销后保留在记录中（历史记录与反馈函仍显示它），但不再出现在任何选项中。${losing}`;
    if (!(await confirmStep('撤销组织', asked, '撤销'))) return;
    const result = await adminService.retireOrg({ orgId: org.id, reason });
    if (!result.ok) return explainRefusal('无法撤销组织', result);
    toastDone('已撤销');
    onTree(result.data);
    void data.reload(); // its organizers lost the role with it
  };

  return (
    <View className='kc-page'>
      <PageState loading={data.loading && !data.data} error={data.error} onRetry={data.reload}>
        {tree && org ? (
          <View>
            <OrgSummary tree={tree} org={org} />
            {org.retired ? null : (
              <View className='kc-org__actions'>
                <Button size='small' fill='outline' onClick={() => setEditing('rename')}>
                  修改名称
                </Button>
                {org.kind === 'league' ? (
                  <Button size='small' fill='outline' onClick={() => setEditing('create')}>
                    新建下级组织
                  </Button>
                ) : null}
                {org.isScope ? null : (
                  <Button size='small' fill='outline' onClick={() => setEditing('move')}>
                    移动到…
                  </Button>
                )}
                {org.isScope ? null : (
                  <Button size='small' type='danger' fill='outline' onClick={() => setRetiring(true)}>
                    撤销组织
                  </Button>
                )}
              </View>
            )}
            {editing === 'rename' ? <RenameOrgForm org={org} onDone={onTree} onCancel={() => setEditing(null)} /> : null}
            {editing === 'create' ? <CreateOrgForm parents={[org]} onDone={onTree} onCancel={() => setEditing(null)} /> : null}
            {editing === 'move' ? (
              <MoveOrgForm org={org} targets={moveTargets(tree, org)} onDone={onTree} onCancel={() => setEditing(null)} />
            ) : null}
            {org.kind === 'league' && data.data ? (
              <Organizers org={org} list={data.data.organizers} onList={onList} />
            ) : (
              <View className='kc-card kc-muted'>党组织由它所联系的团组织的管理员管理；它的联系人凭团组织管理员生成的绑定码绑定。</View>
            )}
          </View>
        ) : null}
      </PageState>
      <ReasonDialog
        visible={retiring}
        title='撤销组织'
        hint='写明撤销的原因（如单位合并），会记录在案。下一步还会再确认一次。'
        confirmText='下一步'
        minLength={2}
        onConfirm={(reason) => void retire(reason)}
        onCancel={() => setRetiring(false)}
      />
    </View>
  );
}
