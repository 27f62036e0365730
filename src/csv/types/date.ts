/**
 * Dates, as Excel serial numbers (see dates.ts for what is read). Every value must fit one
 * day/month order (ISO dates fit both); when every value fits both, the order is a default
 * the user is asked to confirm.
 */
import { CELL_DATE_DMY, CELL_DATE_ISO, CELL_DATE_MDY } from "./bits";
import type { TypeDescriptor } from "./descriptor";

export const dateType: TypeDescriptor = {
  label: "Date",
  holds: "dates",
  storage: "number",
  numeric: false,
  detect(mask, order) {
    const dmy = (mask & CELL_DATE_DMY) !== 0;
    const mdy = (mask & CELL_DATE_MDY) !== 0;
    if (order === "dmy" || order === "mdy") return (order === "dmy" ? dmy : mdy) ? { dateOrder: order } : null;
    if (dmy && mdy) return { dateOrder: "mdy", dateOrderAmbiguous: (mask & CELL_DATE_ISO) === 0 };
    if (dmy) return { dateOrder: "dmy" };
    if (mdy) return { dateOrder: "mdy" };
    return null;
  },
  read: (r, t, s, e, order) => r.dates.read(t, s, e, order),
  numberFormat: () => "yyyy-mm-dd",
};
