/**
 * What WeChat itself would answer the mini program, for the parts the tier depends on: cloud calls
 * (run by the built function bundles as the signed-in user), storage, navigation, dialogs, the
 * subscription dialog (accepting, as WeChat's consent ledger records it) and the privacy APIs.
 * Everything the app asked for is logged so a check can assert on it.
 */
import path from 'node:path';

export function wxStubs({ require, root, db, cloud, files, user, calls }) {
  const log = { navigations: [], toasts: [], modals: [], privacyListeners: 0, cloudInit: [], clipboard: [], apis: [], documents: [] };
  /** Files a flow puts in the chat for chooseMessageFile to offer next: { name, content }. */
  log.chatFiles = [];
  const tempFiles = new Map();
  const storage = new Map();
  const answer = (options, result) => {
    options?.success?.(result);
    options?.complete?.(result);
    return Promise.resolve(result);
  };
  const note =
    (name) =>
    (options = {}) => {
      log.apis.push(name);
      return answer(options, { errMsg: `${name}:ok` });
    };
  calls.inflight = 0;

  const cloudApi = {
    init(options) {
      log.cloudInit.push(options ?? {});
    },
    callFunction({ name, data, success, fail, complete }) {
      calls.inflight += 1;
      const started = Date.now();
      const handler = requireFunction(require, root, name);
      const run = cloud.runAs(user.openid, () => handler.main({ ...data, userInfo: { openId: user.openid, appId: 'wx-weapp-tier' } }, {}));
      return run
        .then((result) => {
          calls.push({ fn: name, action: data?.action, ok: Boolean(result?.ok), code: result?.code, ms: Date.now() - started });
          const res = { result, errMsg: 'cloud.callFunction:ok' };
          success?.(res);
          complete?.(res);
          return res;
        })
        .catch((error) => {
          calls.push({ fn: name, action: data?.action, ok: false, code: 'THREW', error: String(error?.stack ?? error).slice(0, 400) });
          fail?.(error);
          complete?.(error);
          throw error;
        })
        .finally(() => {
          calls.inflight -= 1;
        });
    },
    uploadFile({ cloudPath, filePath, success, complete }) {
      // A file from the chat (chooseMessageFile) is stored for the functions to read; photos are only named.
      if (tempFiles.has(filePath)) files.write(cloudPath, tempFiles.get(filePath));
      const res = { fileID: `cloud://weapp-tier/${cloudPath}`, errMsg: 'cloud.uploadFile:ok' };
      success?.(res);
      complete?.(res);
      return Promise.resolve(res);
    },
    downloadFile({ fileID, success, complete }) {
      log.apis.push('cloud.downloadFile');
      const res = { tempFilePath: `wxfile://tmp/${fileID.split('/').pop()}`, statusCode: 200, errMsg: 'cloud.downloadFile:ok' };
      success?.(res);
      complete?.(res);
      return Promise.resolve(res);
    },
    getTempFileURL({ fileList }) {
      return Promise.resolve({ fileList: fileList.map((fileID) => ({ fileID, tempFileURL: fileID })) });
    },
  };

  const api = {
    cloud: cloudApi,
    getStorageSync: (key) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key, value) => void storage.set(key, value),
    removeStorageSync: (key) => void storage.delete(key),
    getStorage: (options) =>
      storage.has(options.key)
        ? answer(options, { data: storage.get(options.key), errMsg: 'getStorage:ok' })
        : (options.fail?.({ errMsg: 'getStorage:fail data not found' }), Promise.reject({ errMsg: 'getStorage:fail data not found' })),
    setStorage: (options) => (storage.set(options.key, options.data), answer(options, { errMsg: 'setStorage:ok' })),
    removeStorage: (options) => (storage.delete(options.key), answer(options, { errMsg: 'removeStorage:ok' })),
    showToast: (options) => (log.toasts.push(options.title), answer(options, { errMsg: 'showToast:ok' })),
    showModal: (options) => {
      log.modals.push({ title: options.title, content: options.content });
      const confirm = log.nextModalAnswer ?? true;
      delete log.nextModalAnswer;
      return answer(options, { confirm, cancel: !confirm, errMsg: 'showModal:ok' });
    },
    navigateTo: (options) => (log.navigations.push(options.url), answer(options, { errMsg: 'navigateTo:ok' })),
    redirectTo: (options) => (log.navigations.push(options.url), answer(options, { errMsg: 'redirectTo:ok' })),
    switchTab: (options) => (log.navigations.push(options.url), answer(options, { errMsg: 'switchTab:ok' })),
    reLaunch: (options) => (log.navigations.push(options.url), answer(options, { errMsg: 'reLaunch:ok' })),
    navigateBack: (options = {}) => (log.navigations.push('back'), answer(options, { errMsg: 'navigateBack:ok' })),
    requestSubscribeMessage: (options) => {
      log.apis.push('requestSubscribeMessage');
      const now = Date.now();
      const granted = Promise.all(options.tmplIds.map((id) => cloud.grantWxConsent(db, user.openid, id, now)));
      return granted.then(() =>
        answer(options, Object.fromEntries([...options.tmplIds.map((id) => [id, 'accept']), ['errMsg', 'requestSubscribeMessage:ok']])),
      );
    },
    onNeedPrivacyAuthorization: () => {
      log.privacyListeners += 1;
    },
    getPrivacySetting: (options) => answer(options, { needAuthorization: false, privacyContractName: '《科创突击队隐私保护指引》' }),
    requirePrivacyAuthorize: note('requirePrivacyAuthorize'),
    setClipboardData: (options) => (log.clipboard.push(options.data), answer(options, { errMsg: 'setClipboardData:ok' })),
    getLocation: (options) => answer(options, { latitude: 30.2741, longitude: 120.1551, accuracy: 20, errMsg: 'getLocation:ok' }),
    chooseImage: (options) =>
      answer(options, {
        tempFilePaths: ['wxfile://tmp/photo-1.jpg'],
        tempFiles: [{ path: 'wxfile://tmp/photo-1.jpg', size: 1024 }],
        errMsg: 'chooseImage:ok',
      }),
    chooseMessageFile: (options) => {
      const offered = log.chatFiles.shift();
      if (!offered) {
        return answer(options, {
          tempFiles: [{ path: 'wxfile://tmp/report.pdf', name: 'report.pdf', size: 2048, type: 'file' }],
          errMsg: 'chooseMessageFile:ok',
        });
      }
      const tempPath = `wxfile://tmp/${tempFiles.size}-${offered.name}`;
      tempFiles.set(tempPath, offered.content);
      return answer(options, {
        tempFiles: [{ path: tempPath, name: offered.name, size: offered.content.length, type: 'file' }],
        errMsg: 'chooseMessageFile:ok',
      });
    },
    openDocument: (options) => (log.documents.push(options.filePath), answer(options, { errMsg: 'openDocument:ok' })),
    setTabBarBadge: note('setTabBarBadge'),
    removeTabBarBadge: note('removeTabBarBadge'),
    stopPullDownRefresh: note('stopPullDownRefresh'),
    setNavigationBarTitle: note('setNavigationBarTitle'),
    setKeepScreenOn: note('setKeepScreenOn'),
    showLoading: note('showLoading'),
    hideLoading: note('hideLoading'),
    onNetworkStatusChange: () => {},
    offNetworkStatusChange: () => {},
    getNetworkType: (options) => answer(options, { networkType: 'wifi', errMsg: 'getNetworkType:ok' }),
  };
  return { api, log };
}

const functions = new Map();
/** The deployment unit itself: cloudfunctions/<fn>/index.js as build:cloud wrote it. */
function requireFunction(require, root, name) {
  if (!functions.has(name)) functions.set(name, require(path.join(root, 'cloudfunctions', name, 'index.js')));
  return functions.get(name);
}
