import { configure } from '@nutui/icons-react-taro';

/**
 * NutUI draws its icons (a checkbox's tick, search and clear buttons, the avatar placeholder) as <i>.
 * Taro's mini-program templates only know Taro's own components, so an <i> renders nothing there
 * ("Template tmpl_0_i not found"). Drawn as <view>, the same mask-painted icon shows in WeChat.
 */
export function drawIconsAsViews(): void {
  if (process.env.TARO_ENV === 'weapp') configure({ tag: 'view' });
}
