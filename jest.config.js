/**
 * Two projects: "unit" needs nothing but the sources; "dist" drives the built
 * bundle (contract, formula and browser tests) and so runs after `npm run build`.
 * The summary reporter prints the `N passed, N failed` line CI reads.
 */
const tsJest = { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] };
const moduleNameMapper = {
  // office-addin-mock pulls office-addin-manifest, whose ESM-only deps jest cannot load.
  "^office-addin-manifest$": "<rootDir>/test/support/office-addin-manifest-stub.js",
};

module.exports = {
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      transform: tsJest,
      moduleNameMapper,
      testMatch: ["<rootDir>/test/unit/**/*.test.ts"],
    },
    {
      displayName: "dist",
      testEnvironment: "node",
      transform: tsJest,
      moduleNameMapper,
      testMatch: ["<rootDir>/test/dist/**/*.test.ts", "<rootDir>/test/browser/**/*.test.ts"],
      slowTestThreshold: 30,
    },
  ],
};
