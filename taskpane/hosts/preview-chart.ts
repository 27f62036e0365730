/**
 * Geometry for the preview's inline SVG charts: bars (vertical for "column", horizontal
 * for "bar") or polylines ("line"), scaled from zero so negative values hang below the
 * axis; a label per category, value-axis ticks in the chart's number format, and a legend
 * when there is more than one series (as Excel shows them). Pure numbers, so it is tested
 * without a DOM.
 */
import { formatForDisplay } from "../../src/workbook/format-display";
import type { ChartView } from "./preview-view";

/** A text to draw: category label, tick label or legend entry. */
export interface ChartText {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly anchor: "start" | "middle" | "end";
}

export interface ChartBox {
  readonly width: number;
  readonly height: number;
  readonly padding: number;
}

export interface BarShape {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly series: number;
  readonly category: number;
  readonly value: number;
}

export interface LineShape {
  readonly series: number;
  /** SVG `points` attribute: "x1,y1 x2,y2 …" (gaps where a value is missing). */
  readonly segments: string[];
}

export interface ChartShapes {
  readonly bars: BarShape[];
  readonly lines: LineShape[];
  /** The zero line: x1,y1 → x2,y2. */
  readonly axis: { x1: number; y1: number; x2: number; y2: number };
  readonly categoryLabels: ChartText[];
  /** Value-axis labels at min, 0 (when inside) and max, in the chart's number format. */
  readonly valueLabels: ChartText[];
  /** One entry per series (with its colour index) when the chart has a legend, else none. */
  readonly legend: Array<ChartText & { readonly series: number }>;
}

export const DEFAULT_BOX: ChartBox = { width: 420, height: 240, padding: 48 };

type ChartData = Pick<ChartView, "type" | "categories" | "series"> & Partial<Pick<ChartView, "valueFormat" | "legend">>;

const round = (n: number): number => Math.round(n * 100) / 100;

export function chartShapes(chart: ChartData, box: ChartBox = DEFAULT_BOX): ChartShapes {
  const shapes = plotShapes(chart, box);
  const values = chart.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const format = chart.valueFormat ?? "General";
  const n = chart.categories.length;
  const inner = { x: box.padding, y: box.padding, w: box.width - 2 * box.padding, h: box.height - 2 * box.padding };
  const tickValues = [...new Set([min, 0, max])];
  const categoryLabels: ChartText[] = [];
  const valueLabels: ChartText[] = [];
  if (chart.type === "bar") {
    const band = n > 0 ? inner.h / n : inner.h;
    chart.categories.forEach((text, i) =>
      categoryLabels.push({ x: inner.x - 4, y: round(inner.y + (i + 0.5) * band + 4), text, anchor: "end" }),
    );
    for (const v of tickValues)
      valueLabels.push({
        x: round(inner.x + ((v - min) / (max - min || 1)) * inner.w),
        y: inner.y + inner.h + 14,
        text: formatForDisplay(v, format),
        anchor: "middle",
      });
  } else {
    const band = n > 0 ? inner.w / n : inner.w;
    chart.categories.forEach((text, i) =>
      categoryLabels.push({ x: round(inner.x + (i + 0.5) * band), y: inner.y + inner.h + 14, text, anchor: "middle" }),
    );
    for (const v of tickValues)
      valueLabels.push({
        x: inner.x - 4,
        y: round(inner.y + ((max - v) / (max - min || 1)) * inner.h + 4),
        text: formatForDisplay(v, format),
        anchor: "end",
      });
  }
  const legend =
    (chart.legend ?? chart.series.length > 1)
      ? chart.series.map((s, i) => ({
          x: round(inner.x + (i * inner.w) / chart.series.length),
          y: box.height - 6,
          text: s.name,
          anchor: "start" as const,
          series: i,
        }))
      : [];
  return { ...shapes, categoryLabels, valueLabels, legend };
}

function plotShapes(chart: ChartData, box: ChartBox): Pick<ChartShapes, "bars" | "lines" | "axis"> {
  const values = chart.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const span = max - min || 1;
  const n = chart.categories.length;
  const inner = { x: box.padding, y: box.padding, w: box.width - 2 * box.padding, h: box.height - 2 * box.padding };

  if (chart.type === "bar") {
    const zeroX = inner.x + ((0 - min) / span) * inner.w;
    const band = n > 0 ? inner.h / n : inner.h;
    const bars = barShapes(chart, { start: inner.y, band, span, length: inner.w }, (at, thick, v, len) => ({
      x: round(v >= 0 ? zeroX : zeroX - len),
      y: round(at),
      width: round(len),
      height: round(thick),
    }));
    return { bars, lines: [], axis: { x1: round(zeroX), y1: inner.y, x2: round(zeroX), y2: inner.y + inner.h } };
  }

  const zeroY = inner.y + (max / span) * inner.h;
  const band = n > 0 ? inner.w / n : inner.w;
  const axis = { x1: inner.x, y1: round(zeroY), x2: inner.x + inner.w, y2: round(zeroY) };
  if (chart.type === "column") {
    const bars = barShapes(chart, { start: inner.x, band, span, length: inner.h }, (at, thick, v, len) => ({
      x: round(at),
      y: round(v >= 0 ? zeroY - len : zeroY),
      width: round(thick),
      height: round(len),
    }));
    return { bars, lines: [], axis };
  }

  const yOf = (v: number): number => round(zeroY - (v / span) * inner.h);
  const lines: LineShape[] = chart.series.map((s, si) => {
    const segments: string[] = [];
    let points: string[] = [];
    s.values.forEach((v, ci) => {
      if (v === null) {
        if (points.length) segments.push(points.join(" "));
        points = [];
        return;
      }
      points.push(`${round(inner.x + ci * band + band / 2)},${yOf(v)}`);
    });
    if (points.length) segments.push(points.join(" "));
    return { series: si, segments };
  });
  return { bars: [], lines, axis };
}

/** The category bands along one axis: where they start, each band's size; the value range and its length on screen. */
interface BarScale {
  readonly start: number;
  readonly band: number;
  readonly span: number;
  readonly length: number;
}

/**
 * One bar per value (none for a missing one), the series side by side in their category's band
 * (80% of it, 10% free either side), as long as the value's share of the value range. `orient`
 * places a bar (`at` its start across the bands, `len` its length from zero) as a column or a bar.
 */
function barShapes(
  chart: ChartData,
  scale: BarScale,
  orient: (at: number, thick: number, value: number, len: number) => Pick<BarShape, "x" | "y" | "width" | "height">,
): BarShape[] {
  const { start, band, span, length } = scale;
  const thick = (band * 0.8) / Math.max(1, chart.series.length);
  const bars: BarShape[] = [];
  chart.series.forEach((s, si) =>
    s.values.forEach((v, ci) => {
      if (v === null) return;
      const len = (Math.abs(v) / span) * length;
      const at = start + ci * band + band * 0.1 + si * thick;
      bars.push({ ...orient(at, thick, v, len), series: si, category: ci, value: v });
    }),
  );
  return bars;
}
