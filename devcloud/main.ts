/** Entry of `npm start` / `npm run serve`: PORT and DATA_DIR from the environment. */
import path from 'node:path';
import { startHost } from './host';

const port = Number(process.env.PORT ?? 10086);
const dataDir = process.env.DATA_DIR ?? path.resolve('.data');
const staticDir = process.env.STATIC_DIR ?? path.resolve('dist-h5');
const dispatchIntervalMs = Number(process.env.DISPATCH_INTERVAL_MS ?? 5000);
// `npm start -- --empty`: a new environment without the demo world, as after `npm run deploy`.
const demo = !(process.argv.includes('--empty') || process.env.EMPTY_WORLD === '1');

startHost({ dataDir, staticDir, port, dispatchIntervalMs, demo })
  .then((host) => {
    console.log(`科创突击队本地云已启动：${host.url}`);
    console.log(`  本地体验登录：${host.url}/dev/sign-in`);
    console.log(`  数据目录：${dataDir}`);
    if (host.setupCode) {
      console.log(`  设置码：${host.setupCode}`);
      console.log('  （没有演示数据的新环境：第一位管理员登录后在「我的 → 成为团组织管理员」输入设置码，成为根组织管理员；只能用一次）');
    }
    const stop = () => host.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  })
  .catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') {
      console.error(`端口 ${port} 已被占用。请关闭占用它的程序，或换一个端口：PORT=10087 npm start`);
    } else {
      console.error('本地云启动失败：', error);
    }
    process.exit(1);
  });
