/**
 * Cell values as text for RARE's hidden sheets, which are written as text ("@") so that
 * Excel stores each string exactly: "n:0.8", "s:Neodymium", "b:TRUE", "" for blank.
 * Error values (Office.js reads them as their code, "#N/A") are stored as "s:#N/A", and
 * freezing writes that code back, which Excel reads as the error again.
 */
import type { CellValue } from "../excel/values";

export function encodeValue(value: CellValue): string {
  if (value === null || value === "") return "";
  if (typeof value === "number") return `n:${value}`;
  if (typeof value === "boolean") return value ? "b:TRUE" : "b:FALSE";
  return `s:${value}`;
}

export function decodeValue(text: CellValue): CellValue {
  if (typeof text !== "string" || text === "") return "";
  const body = text.slice(2);
  if (text.startsWith("n:")) return Number(body);
  if (text.startsWith("b:")) return body === "TRUE";
  return body;
}

/** Two cells' values are the same (Office.js reads a blank as ""). */
export function sameCellValue(a: CellValue, b: CellValue): boolean {
  const blank = (v: CellValue) => v === null || v === "";
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  return a === b || (typeof a === "number" && typeof b === "number" && Math.abs(a - b) <= 1e-12 * Math.abs(a));
}

/** How a value reads in a message: text in quotes, numbers as Excel's General shows them. */
export function showValue(value: CellValue): string {
  if (value === null || value === "") return "(blank)";
  if (typeof value === "string") return value.startsWith("#") ? value : `"${value}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}
