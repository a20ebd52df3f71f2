import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { useRef, useState } from 'react';
import { needMessageInput } from '@core/schemas/need';
import { formatDateTime } from '@core/time';
import type { NeedDetail } from '@core/views/need';
import { toastFailure } from '@/hooks/feedback';
import { useFormErrors } from '@/hooks/useFormErrors';
import { newRequestId } from '@/services/request-id';
import { needService } from '@/services/need';

const SIDE_LABELS = { enterprise: '企业', cadre: '团组织' } as const;

export type ThreadProps = { detail: NeedDetail; onDetail: (detail: NeedDetail) => void };

/** The messages between the enterprise and the cadres, newest at the bottom, with a box to write one. */
export function Thread({ detail, onDetail }: ThreadProps) {
  const messages = [...detail.messages].sort((a, b) => a.at - b.at);
  const mySide = detail.viewer.isEnterprise ? 'enterprise' : 'cadre';
  return (
    <>
      <View className='kc-section-title'>留言（{messages.length}）</View>
      <View className='kc-card'>
        {messages.length ? (
          messages.map((message) => (
            <View key={message.id} className={message.side === mySide ? 'kc-need-message kc-need-message--mine' : 'kc-need-message'}>
              <View className='kc-need-message__head'>
                <Text className={`kc-need-message__side kc-need-message__side--${message.side}`}>{SIDE_LABELS[message.side]}</Text>
                <Text className='kc-muted'>
                  {message.authorName} · {formatDateTime(message.at)}
                </Text>
              </View>
              <Text className='kc-need-message__body'>{message.body}</Text>
            </View>
          ))
        ) : (
          <View className='kc-muted'>
            {detail.viewer.isOwner ? '还没有留言。请在这里首次回复企业。' : '还没有留言。企业与接单干部在这里沟通需求。'}
          </View>
        )}
        {detail.viewer.canMessage ? <Composer needId={detail.id} onDetail={onDetail} /> : null}
      </View>
    </>
  );
}

/** Sends one message; what was written stays in the box when sending fails. */
function Composer({ needId, onDetail }: { needId: string; onDetail: (detail: NeedDetail) => void }) {
  const [body, setBody] = useState('');
  const [sending, setSending] = useState(false);
  const requestId = useRef(newRequestId());
  const { errors, check } = useFormErrors();

  const send = async () => {
    if (sending) return;
    const checked = check(needMessageInput, { needId, body, requestId: requestId.current });
    if (!checked) return;
    setSending(true);
    const result = await needService.message(checked);
    setSending(false);
    if (!result.ok) return toastFailure(result);
    setBody('');
    requestId.current = newRequestId();
    onDetail(result.data);
  };

  return (
    <View className='kc-need-composer'>
      <TextArea value={body} onChange={setBody} maxLength={500} showCount rows={3} placeholder='写留言，对方会收到通知' />
      {errors.body ? <Text className='kc-need-composer__error'>{errors.body}</Text> : null}
      <View className='kc-actions'>
        <Button type='primary' size='small' loading={sending} onClick={send}>
          发送
        </Button>
      </View>
    </View>
  );
}
