import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { guardVisibleRoute } from './platform/h5-route-guard';
import { initCloud } from './services/cloud';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initCloud();
    if (process.env.TARO_ENV === 'h5') guardVisibleRoute();
  });
  return children;
}

export default App;
