import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { groupedCode } from './code';
import { copyText } from './copy';
import './transfer.scss';

/** The pending transfer's confirmation code, for the team to hand to the enterprise that signed the contract. */
export function ConfirmCodeCard({ code }: { code: string }) {
  return (
    <View className='kc-card kc-transfer-code'>
      <Text className='kc-muted'>成果转化确认码</Text>
      <Text className='kc-transfer-code__value' userSelect>
        {groupedCode(code)}
      </Text>
      <View className='kc-banner'>
        请把确认码交给受让方企业联系人，在 我的 → 输入邀请码 中输入后确认。确认码 30 天内有效，只能使用一次。
      </View>
      <Button type='primary' size='small' onClick={() => copyText(code, '确认码')}>
        复制确认码
      </Button>
    </View>
  );
}
