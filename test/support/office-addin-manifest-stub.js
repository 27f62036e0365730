// office-addin-mock imports office-addin-manifest for its OfficeApp enum (read in the
// OfficeMockObject constructor); the real module's ESM-only dependencies cannot load
// under jest, so only that enum is provided.
module.exports = {
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
};
