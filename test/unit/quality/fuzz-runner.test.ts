/**
 * The fuzz runner behind `npm run fuzz`: runs are split evenly, and a function that breaks the
 * property fails the run with its shrunk counterexample and a replay line (so the gate can fail).
 */
import { runFuzz, splitRuns } from "../../../scripts/fuzz/runner";

describe("splitRuns", () => {
  it("splits the total evenly and keeps it exact", () => {
    expect(splitRuns(1_000_000, 15)).toEqual([...Array(10).fill(66_667), ...Array(5).fill(66_666)]);
    expect(splitRuns(1_000_000, 15).reduce((a, b) => a + b)).toBe(1_000_000);
    expect(splitRuns(3, 4)).toEqual([1, 1, 1, 0]);
  });
});

describe("runFuzz", () => {
  const wellBehaved = (x: unknown): unknown => [[x === null ? "omitted" : "given"]];
  /** Breaks the shape rule for ranges holding a negative number: NaN leaks out. */
  const leaksNaN = (x: unknown): unknown => [
    [Array.isArray(x) && x.flat().some((v) => typeof v === "number" && v < 0) ? NaN : 1],
  ];

  it("reports every function, then the summary, and fails on a broken one", () => {
    const lines: string[] = [];
    const report = runFuzz(
      [
        ["good", wellBehaved],
        ["bad", leaksNaN],
      ],
      { total: 400, seed: 42, log: (l) => lines.push(l) },
    );
    expect(report.failed).toBe(1);
    expect(report.functions.map((f) => [f.name, f.failures])).toEqual([
      ["good", 0],
      ["bad", 1],
    ]);
    expect(report.functions[0].runs).toBe(200);
    expect(report.functions[1].error).toBe("non-finite number NaN");
    // Shrunk to a smallest input that breaks it: one 1 x 1 range holding a negative number.
    expect(report.functions[1].counterexample).toMatch(/^\[\[\[-[\d.e-]+\]\]\]$/);
    expect(lines[0]).toBe("RARE fuzz: 400 runs across 2 functions, seed 42");
    expect(lines).toContainEqual(
      expect.stringMatching(/^ {6}replay: RARE_FUZZ_SEED=42 RARE_FUZZ_ONLY=bad RARE_FUZZ_PATH="[\d:]+" npm run fuzz$/),
    );
    expect(lines.at(-1)).toMatch(/^fuzz: [\d,]+ runs, 1 functions passed, 1 failed, [\d.]+ s \(seed 42\)$/);
  });

  it("replays a reported failure from its seed and path", () => {
    const functions = [
      ["good", wellBehaved],
      ["bad", leaksNaN],
    ] as const;
    const first = runFuzz(functions, { total: 1_000, seed: 7, log: () => {} }).functions[1];
    expect(first.path).toMatch(/^\d+(:\d+)*$/);
    const replay = runFuzz(functions, { total: 1_000, seed: 7, only: ["bad"], path: first.path, log: () => {} });
    expect(replay.functions.map((f) => f.name)).toEqual(["bad"]);
    expect(replay.functions[0].counterexample).toBe(first.counterexample);
  });
});
