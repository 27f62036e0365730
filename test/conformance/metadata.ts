/** What functions.json says about each function's inputs: its top-level options merged with the function's own. */
export interface FunctionsJson {
  readonly [key: string]: unknown;
  readonly functions: ReadonlyArray<{ readonly id: string; readonly options?: Readonly<Record<string, unknown>> }>;
}

export function functionOptionsOf(metadata: FunctionsJson): (id: string) => Readonly<Record<string, unknown>> {
  const { functions, ...topLevel } = metadata;
  return (id) => ({ ...topLevel, ...(functions.find((f) => f.id === id)?.options ?? {}) });
}
