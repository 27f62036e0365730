/**
 * Text Excel reads as a number: when a function is given text where it wants a number
 * (`=SQRT("16")`, `=DATE(" 2024 ",1,1)`) and when text is typed, or written as a value, into a
 * cell not formatted as text. An optional sign, digits with an optional fraction (or a
 * leading "."), an optional exponent, spaces around. "80%" is 0.8 in both places. Thousands
 * separators, currency and dates are left to the reader that knows the file's conventions.
 * Source: Microsoft's "VALUE function" (text in any of the constant number formats Excel
 * recognises is converted).
 */
export const NUMERIC_TEXT = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?\s*$/i;

/** "80%", " 12.5 % ": group 1 is the number before the percent sign. */
export const PERCENT_TEXT = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*%\s*$/i;
