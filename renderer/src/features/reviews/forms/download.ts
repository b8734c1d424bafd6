/**
 * Saves a form file through the browser's download. Unlike the CSV downloads, no BOM: a form file
 * is read back by JSON.parse (here and in the CLI), which refuses one.
 */
export function downloadJson(fileName: string, json: string): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in Chromium; a moment later is safe.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
