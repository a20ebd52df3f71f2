/** The prebuilt bundle exports what the package's modules do. */
declare module '@antv/f2/dist/index.min.js' {
  export * from '@antv/f2';
}
