/**
 * Excel's limit on add-in data (Office settings). Settings are stored per add-in and per
 * document as JSON and hold about 2 MB in total ("Persist add-in state and settings",
 * https://learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings;
 * Office.Settings, https://learn.microsoft.com/javascript/api/office/office.settings). Both
 * hosts and the writers that store data measure with the same function.
 */
export const ADDIN_DATA_LIMIT_BYTES = 2 * 1024 * 1024;

const encoder = new TextEncoder();

/** UTF-8 bytes of one setting as stored: its key and its value as a JSON string. */
export function addinDataBytes(key: string, value: string): number {
  return encoder.encode(JSON.stringify(key)).length + encoder.encode(JSON.stringify(value)).length + 2;
}

export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(2)} MB`;
}
