declare module '@seald-io/nedb/lib/model.js' {
  const model: {
    deepCopy<T>(value: T): T;
    modify(doc: object, update: object): object;
  };
  export default model;
}
