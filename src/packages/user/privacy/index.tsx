import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Dialog, Input } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import { DELETE_CONFIRM_WORD } from '@core/schemas/user';
import { shanghaiDay } from '@core/time';
import { toastDone, toastFailure } from '@/hooks/feedback';
import { useAction } from '@/hooks/useAction';
import { OFFER_LABEL, OFFERS_AT_ONCE, offerFile, writeJsonFile, type SavedFile } from '@/services/file-save';
import { userService } from '@/services/user';
import { useMe } from '@/stores/useUserStore';
import { forgetLocalData } from './forget-local';
import './index.scss';

const ERASED = [
  '昵称、头像、真实姓名、所在单位和手机号',
  '团组织管理员、党组织联系人身份',
  '所在队伍的成员身份（队长会收到通知）',
  '订阅消息授权',
];
const KEPT = ['进展记录、成果、活动签到、反馈函中的记录', '这些记录改为显示「已注销用户」，队伍的历史保持真实'];

function Bullets({ items }: { items: string[] }) {
  return (
    <View className='kc-privacy__list'>
      {items.map((item) => (
        <View key={item}>· {item}</View>
      ))}
    </View>
  );
}

export default function PrivacyPage() {
  const me = useMe();
  const [exporting, setExporting] = useState(false);
  const [file, setFile] = useState<SavedFile | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [word, setWord] = useState('');
  const { busy, run } = useAction();

  useEffect(() => {
    if (confirming) setWord('');
  }, [confirming]);

  const exportData = async () => {
    if (exporting) return;
    setExporting(true);
    const result = await userService.exportData();
    const saved = result.ok ? await writeJsonFile(shanghaiDay(result.data.exportedAt), result.data) : result;
    setExporting(false);
    if (!saved.ok) return toastFailure(saved);
    setFile(saved.data);
    if (!OFFERS_AT_ONCE) return toastDone('文件已生成');
    const offered = await offerFile(saved.data);
    if (!offered.ok) toastFailure(offered);
  };

  const offer = async () => {
    if (!file) return;
    const offered = await offerFile(file);
    if (!offered.ok) toastFailure(offered);
  };

  const deleteAccount = async () => {
    setConfirming(false);
    const failed = await run(
      () => userService.deleteAccount({ confirm: word }),
      '账号已注销',
      () => undefined,
    );
    if (failed) return;
    forgetLocalData();
    void Taro.switchTab({ url: '/pages/me/index' });
  };

  const name = me ? me.realName || me.nickname || '未填写姓名' : '';
  return (
    <View className='kc-page'>
      {name ? (
        <View className='kc-card'>
          <Text>{`当前账号：${name}`}</Text>
        </View>
      ) : null}

      <View className='kc-section-title'>导出我的数据</View>
      <View className='kc-card'>
        <View className='kc-muted'>
          生成一个 JSON
          文件，包含你的资料、所在队伍、你的全部进展记录、你参与的成果、活动签到与补签、通知回执和订阅授权。其中不含其他人的手机号等个人信息。
        </View>
        {file ? <View className='kc-banner kc-banner--success kc-privacy__file'>已生成「{file.fileName}」</View> : null}
        <View className='kc-actions'>
          <Button type='primary' block loading={exporting} onClick={exportData}>
            导出我的数据
          </Button>
          {file ? (
            <Button type='primary' fill='outline' block onClick={offer}>
              {OFFER_LABEL}
            </Button>
          ) : null}
        </View>
      </View>

      <View className='kc-section-title'>注销账号</View>
      <View className='kc-card'>
        <View className='kc-muted'>注销后将清除：</View>
        <Bullets items={ERASED} />
        <View className='kc-muted'>将保留：</View>
        <Bullets items={KEPT} />
        <View className='kc-banner kc-privacy__file'>如果你是某支已备案队伍的队长，请先在队伍页移交队长身份再注销。注销不能撤销。</View>
        <Button type='danger' block loading={busy} onClick={() => setConfirming(true)}>
          注销账号
        </Button>
      </View>

      <Dialog
        visible={confirming}
        title='注销账号'
        confirmText='确认注销'
        cancelText='取消'
        disableConfirmButton={word.trim() !== DELETE_CONFIRM_WORD}
        onConfirm={deleteAccount}
        onCancel={() => setConfirming(false)}
        onClose={() => setConfirming(false)}
      >
        <View className='kc-muted'>注销后你的个人资料会被清除，记录以「已注销用户」保留。请输入「{DELETE_CONFIRM_WORD}」确认。</View>
        <View className='kc-privacy__confirm'>
          <Input value={word} onChange={setWord} placeholder={`请输入「${DELETE_CONFIRM_WORD}」`} />
        </View>
      </Dialog>
    </View>
  );
}
