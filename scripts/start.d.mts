export function installedElectronPath(root?: string): string | null;
export const MISSING_ELECTRON_MESSAGE: string;
