// office-addin-mock imports office-addin-manifest only for its manifest helpers,
// which tests never use; its ESM-only dependencies cannot load under jest.
module.exports = {};
