/**
 * Which line break papaparse splits records on. Papaparse takes one newline sequence per
 * parse, while Excel ends a record at CRLF, LF or a lone CR in any mix. "\n" covers LF and
 * CRLF files and mixes of the two (records.ts takes the CR off the end of such records and
 * splits records at the rare lone CR); "\r" is for old Mac files, where LF never ends a record.
 *
 * Papaparse's own guess is not used: it picks "\r" for a file whose lone CRs outnumber its
 * CRLFs, even when LF also ends records there, and then no LF would split a record.
 */
export type RecordBreak = "\n" | "\r";

const SAMPLE_CHARS = 64 * 1024;

export function recordBreak(text: string, start: number): RecordBreak {
  const sample = text.slice(start, start + SAMPLE_CHARS);
  if (!sample.includes("\r")) return "\n";
  // Quoted values may hold any line break; only the ones outside quotes end records.
  const outside = sample.replace(/"[^"]*"/g, "");
  return outside.includes("\n") || !outside.includes("\r") ? "\n" : "\r";
}
