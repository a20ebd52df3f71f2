import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { fixAriaForBrowsers } from './platform/h5-aria';
import { guardVisibleRoute } from './platform/h5-route-guard';
import { drawIconsAsViews } from './platform/icons';
import { initCloud } from './services/cloud';
import { onReconnect } from './services/network';
import { useProgressQueue } from './stores/useProgressQueue';
import './app.scss';

drawIconsAsViews();

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initCloud();
    if (process.env.TARO_ENV === 'h5') {
      guardVisibleRoute();
      fixAriaForBrowsers();
    }
    // Logs written without a network go out when it returns, or now if the app reopened with some waiting.
    useProgressQueue.getState().load();
    if (useProgressQueue.getState().items.length) void useProgressQueue.getState().flush();
    onReconnect(() => void useProgressQueue.getState().flush());
  });
  return children;
}

export default App;
