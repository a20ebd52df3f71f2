import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';
import type { Failure } from '@core/errors';
import './index.scss';

export type PageStateProps = {
  loading: boolean;
  error: Failure | null;
  empty?: boolean;
  emptyTitle?: string;
  emptyDescription?: ReactNode;
  emptyAction?: ReactNode;
  onRetry?: () => void;
  children?: ReactNode;
};

export type NoticeProps = { tone: 'empty' | 'error'; title: string; description?: ReactNode; children?: ReactNode };

/** A drawn notice (no remote picture: it must render offline and without a whitelisted image host). */
export function Notice({ tone, title, description, children }: NoticeProps) {
  return (
    <View className={`kc-notice kc-notice--${tone}`}>
      <View className='kc-notice__mark'>{tone === 'error' ? '!' : '∅'}</View>
      <Text className='kc-notice__title'>{title}</Text>
      {description ? <Text className='kc-notice__text'>{description}</Text> : null}
      {children}
    </View>
  );
}

/** Loading, failure (with retry) and empty states around a page's content. */
export function PageState({ loading, error, empty, emptyTitle, emptyDescription, emptyAction, onRetry, children }: PageStateProps) {
  if (error) {
    return (
      <Notice tone='error' title='加载失败' description={error.message}>
        {onRetry ? (
          <Button type='primary' size='small' onClick={onRetry}>
            重试
          </Button>
        ) : null}
      </Notice>
    );
  }
  if (loading && !children) return <View className='kc-notice kc-muted'>加载中…</View>;
  if (loading && empty) return <View className='kc-notice kc-muted'>加载中…</View>;
  if (empty) {
    return (
      <Notice tone='empty' title={emptyTitle ?? '暂无内容'} description={emptyDescription}>
        {emptyAction}
      </Notice>
    );
  }
  return <>{children}</>;
}
