import { Tag } from '@nutui/nutui-react-taro';
import type { CSSProperties, ReactNode } from 'react';

export type Tone = 'success' | 'warning' | 'danger' | 'muted' | 'info';

export type ToneTagProps = { tone: Tone; children: ReactNode; style?: CSSProperties };

const COLORS: Record<Tone, { background: string; color: string }> = {
  success: { background: '#e8f7ee', color: '#1a7f37' },
  warning: { background: '#fff4e0', color: '#8c5400' },
  danger: { background: '#fdecec', color: '#c8161d' },
  muted: { background: '#eef0f3', color: '#555b65' },
  info: { background: '#e8f1fd', color: '#1d5fbf' },
};

/** A status label in one of a few fixed tones, so every status reads the same way across pages. */
export function ToneTag({ tone, children, style }: ToneTagProps) {
  return (
    <Tag {...COLORS[tone]} style={style}>
      {children}
    </Tag>
  );
}
