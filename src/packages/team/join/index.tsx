import { Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import { INVITE_LENGTH } from '@core/team-rules';
import type { OrgOption, TeamPreview } from '@core/views';
import { toastFailure } from '@/hooks/feedback';
import { teamService } from '@/services/team';
import { useTeamStore } from '@/stores/useTeamStore';
import { useUserStore } from '@/stores/useUserStore';
import './index.scss';

export default function JoinTeamPage() {
  const initialCode = (useRouter().params.code ?? '').toUpperCase();
  const me = useUserStore((state) => state.me);
  const loadMine = useTeamStore((state) => state.loadMine);
  const [code, setCode] = useState(initialCode);
  const [preview, setPreview] = useState<TeamPreview | null>(null);
  const [checking, setChecking] = useState(false);
  const [joining, setJoining] = useState(false);
  const [partyOrgs, setPartyOrgs] = useState<OrgOption[]>([]);
  const [homeUnit, setHomeUnit] = useState(me?.unitName ?? '');
  const [homePartyOrgId, setHomePartyOrgId] = useState('');

  const check = async (value = code) => {
    setChecking(true);
    const result = await teamService.preview(value.trim());
    setChecking(false);
    if (!result.ok) {
      setPreview(null);
      return toastFailure(result);
    }
    setPreview(result.data);
    setHomePartyOrgId(result.data.partyOrgId);
    if (result.data.crossUnit && partyOrgs.length === 0) {
      const orgs = await teamService.orgOptions();
      if (orgs.ok) setPartyOrgs(orgs.data.party);
    }
  };

  useEffect(() => {
    if (initialCode.length === INVITE_LENGTH) void check(initialCode);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const join = async () => {
    if (!preview || joining) return;
    setJoining(true);
    const result = await teamService.join(
      preview.crossUnit ? { inviteCode: code.trim(), homeUnit, homePartyOrgId } : { inviteCode: code.trim() },
    );
    setJoining(false);
    if (!result.ok) return toastFailure(result);
    void loadMine();
    await Taro.showToast({ title: '已加入', icon: 'success' });
    void Taro.redirectTo({ url: `/packages/team/detail/index?id=${result.data.id}` });
  };

  const partyIndex = partyOrgs.findIndex((org) => org.id === homePartyOrgId);
  return (
    <View className='kc-page'>
      <View className='kc-card'>
        <Text className='kc-muted'>向队长索取 6 位邀请码，或直接打开队长分享的链接。</Text>
        <View className='kc-join__code'>
          <Input
            value={code}
            onChange={(value) => {
              setCode(value.toUpperCase());
              setPreview(null);
            }}
            placeholder='输入邀请码'
            maxLength={INVITE_LENGTH}
          />
          <Button size='small' type='primary' loading={checking} disabled={code.trim().length !== INVITE_LENGTH} onClick={() => check()}>
            查找队伍
          </Button>
        </View>
      </View>
      {preview ? (
        <View className='kc-card'>
          <Text className='kc-join__name'>{preview.name}</Text>
          <View className='kc-muted'>
            {preview.field} · {preview.unitName} · 队长 {preview.leaderName} · {preview.memberCount} 人
          </View>
          {preview.alreadyMember ? <View className='kc-join__note'>你已经是这支队伍的成员。</View> : null}
          {preview.crossUnit && !preview.alreadyMember ? (
            <View className='kc-join__cross'>
              <View className='kc-muted'>这是跨单位队伍，请填写你本人所在的单位和党组织（反馈函会发往你自己的党组织）。</View>
              <Input value={homeUnit} onChange={setHomeUnit} placeholder='本人所在单位' maxLength={40} />
              <Picker
                mode='selector'
                range={partyOrgs.map((org) => org.name)}
                value={Math.max(partyIndex, 0)}
                onChange={(e) => setHomePartyOrgId(partyOrgs[Number(e.detail.value)].id)}
              >
                <View className='kc-select'>{partyIndex >= 0 ? partyOrgs[partyIndex].name : '选择本人所在党组织'}</View>
              </Picker>
            </View>
          ) : null}
          {preview.alreadyMember ? (
            <Button block fill='outline' onClick={() => Taro.redirectTo({ url: `/packages/team/detail/index?id=${preview.id}` })}>
              查看队伍
            </Button>
          ) : (
            <Button block type='primary' loading={joining} onClick={join}>
              加入这支队伍
            </Button>
          )}
        </View>
      ) : null}
    </View>
  );
}
