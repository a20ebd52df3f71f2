import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Notice } from '../PageState';

export type ComingSoonProps = { title: string; description: string; children?: ReactNode };

/** What a tab shows while its feature is not built yet: an honest note, nothing fake. */
export function ComingSoon({ title, description, children }: ComingSoonProps) {
  return (
    <View className='kc-page'>
      <View className='kc-card'>
        <Notice tone='empty' title={title} description={description} />
      </View>
      {children}
    </View>
  );
}
