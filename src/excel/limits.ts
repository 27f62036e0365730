/**
 * Excel's sheet and request limits, the ones RARE can hit. Sources: "Excel specifications and
 * limits" (rows, columns, characters in a cell, significant digits) and "Resource limits and
 * performance optimization for Office Add-ins" (Excel on the web rejects a request payload
 * over 5 MB with RequestPayloadSizeLimitExceeded).
 */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;
export const EXCEL_MAX_CELL_CHARS = 32_767;
/** Excel keeps 15 significant digits; a longer number would be silently changed. */
export const EXCEL_MAX_DIGITS = 15;
/**
 * What one sync may carry by RARE's estimate (workbook/payload.ts). 4 MB against the 5 MB cap:
 * the estimate can be 25% short and the request still passes.
 */
export const SYNC_BUDGET_BYTES = 4_000_000;
/** Excel on the web's cap on one request's payload (the preview enforces it too). */
export const WEB_REQUEST_LIMIT_BYTES = 5_000_000;
