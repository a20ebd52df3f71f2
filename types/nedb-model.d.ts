declare module '@seald-io/nedb/lib/model.js' {
  const model: {
    deepCopy<T>(value: T): T;
    modify(doc: object, update: object): object;
    match(doc: object, query: object): boolean;
    compareThings(a: unknown, b: unknown): number;
  };
  export default model;
}
