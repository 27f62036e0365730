/** The shipped seeded PRNG, so generated inputs (tests, benches) are the same on every run. */
export { prng } from "../../src/model/prng";
