const evidence = {
  field: {
    label: "Files",
    hint: "PDF, PNG or JPEG pictures, Word, Excel or PowerPoint documents: up to {{size}} each, at most {{count}} files. A file is kept as it is, and its fingerprint is sealed in the history, so an auditor can prove it was not changed.",
    kept: "Files already given stay with this update; you can add more.",
    remove: "Remove {{name}}",
    chosen: "Chosen files",
  },
  list: {
    label: "Files",
    download: "Download {{name}} ({{size}})",
  },
  size: {
    bytes: "{{value}} bytes",
    kb: "{{value}} KB",
    mb: "{{value}} MB",
  },
  errors: {
    tooLarge: "A file is larger than 10 MB. Choose a smaller file, or share it as a link.",
    tooMany: "At most 5 files go with one submission. Choose fewer files, or put the rest in one PDF.",
    type: "Only PDF, PNG or JPEG pictures and Word, Excel or PowerPoint documents can be attached. Save the file in one of these formats and choose it again.",
    macros:
      "Documents with macros cannot be attached. Save the document without macros (as .docx, .xlsx or .pptx) and choose it again.",
    empty: "A file is empty. Choose the file again.",
    fileTooLarge: "“{{name}}” is {{size}}: larger than the limit of 10 MB.",
    fileType: "“{{name}}” is not a PDF, a PNG or JPEG picture, or a Word, Excel or PowerPoint document.",
    fileTooMany: "At most {{count}} files go with one submission.",
  },
  history: {
    files: "Files",
  },
  pack: {
    link: "Evidence pack (ZIP)",
    hint: "The changes listed here with every file they mention, and a manifest for checking them offline.",
  },
};
export default evidence;
