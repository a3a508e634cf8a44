/** `import("file?url")`: webpack emits the file as-is and resolves to its URL (scripts/webpack/addin.js). */
declare module "*?url" {
  const url: string;
  export default url;
}
