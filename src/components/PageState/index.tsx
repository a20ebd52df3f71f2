import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';
import { isRetryable, type Failure } from '@core/errors';
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
      {tone === 'error' ? (
        <View className='kc-notice__mark' aria-hidden>
          !
        </View>
      ) : (
        <EmptyArt />
      )}
      <Text className='kc-notice__title'>{title}</Text>
      {description ? <Text className='kc-notice__text'>{description}</Text> : null}
      {children}
    </View>
  );
}

const FAILURE_TITLES: Partial<Record<Failure['code'], string>> = {
  FORBIDDEN: '没有权限查看',
  NOT_FOUND: '找不到这项内容',
};

/** Back where the user came from, or to the first tab when this page was opened directly. */
function goBack() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: '/pages/home/index' });
}

/** An empty tray with a blank sheet, drawn in CSS. */
function EmptyArt() {
  return (
    <View className='kc-empty-art' aria-hidden>
      <View className='kc-empty-art__sheet'>
        <View className='kc-empty-art__line' />
        <View className='kc-empty-art__line kc-empty-art__line--short' />
      </View>
      <View className='kc-empty-art__tray' />
    </View>
  );
}

/** Grey shapes where the content will be, instead of a bare 「加载中…」. */
export function Skeleton({ rows = 3 }: { rows?: number }) {
  return (
    <View className='kc-skeleton' aria-busy aria-label='正在加载'>
      {Array.from({ length: rows }, (_, index) => (
        <View key={index} className='kc-card kc-skeleton__card'>
          <View className='kc-skeleton__bar kc-skeleton__bar--title' />
          <View className='kc-skeleton__bar' />
          <View className='kc-skeleton__bar kc-skeleton__bar--short' />
        </View>
      ))}
    </View>
  );
}

/** Loading, failure and empty states around a page's content. Only a failure that may pass offers 重试. */
export function PageState({ loading, error, empty, emptyTitle, emptyDescription, emptyAction, onRetry, children }: PageStateProps) {
  if (error) {
    const retryable = isRetryable(error.code);
    return (
      <Notice tone='error' title={FAILURE_TITLES[error.code] ?? '加载失败'} description={error.message}>
        {retryable && onRetry ? (
          <Button type='primary' size='small' onClick={onRetry}>
            重试
          </Button>
        ) : null}
        {retryable ? null : (
          <Button size='small' onClick={goBack}>
            返回
          </Button>
        )}
      </Notice>
    );
  }
  if (loading && (!children || empty)) return <Skeleton />;
  if (empty) {
    return (
      <Notice tone='empty' title={emptyTitle ?? '暂无内容'} description={emptyDescription}>
        {emptyAction}
      </Notice>
    );
  }
  return <>{children}</>;
}
