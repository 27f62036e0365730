/** Excel's sheet limits, the ones an import can hit (Excel specifications and limits). */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;
export const EXCEL_MAX_CELL_CHARS = 32_767;
/** Excel keeps 15 significant digits; a longer number would be silently changed. */
export const EXCEL_MAX_DIGITS = 15;
