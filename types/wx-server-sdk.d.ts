declare module 'wx-server-sdk' {
  const cloud: import('../server/runtime/sdk').CloudSdk;
  export default cloud;
}
