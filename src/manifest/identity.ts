/**
 * Two identities, so a sideloaded development copy and the production add-in can sit side
 * by side in one Excel. Office keys an add-in (and its workbook settings) by <Id>: the two
 * copies do not see each other's settings. manifest.xml carries the development identity;
 * a production build (ADDIN_URL set) swaps in this one.
 */
export const PRODUCTION_IDENTITY = {
  id: "af7b4c76-1206-4e13-a052-8f173fadce28",
  displayName: "RARE rare-earth risk",
} as const;

export const DEVELOPMENT_IDENTITY = {
  id: "3d0f6a52-8c1e-4b7a-9f25-6e4c1b2d7a90",
  displayName: "RARE rare-earth risk (development)",
} as const;

/** The test build `npm run test:excel` sideloads: its own copy, so it touches no one's settings. */
export const CONFORMANCE_IDENTITY = {
  id: "8b1e5f0c-2d47-4c3a-a6e9-0f7d3b9c4e21",
  displayName: "RARE conformance (test build)",
} as const;
