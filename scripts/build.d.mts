import type { Metafile, Message } from 'esbuild';

export const ROOT: string;
export function buildElectron(options?: {
  outDir?: string;
  minify?: boolean;
}): Promise<{ outDir: string; warnings: Message[]; metafiles: (Metafile | undefined)[] }>;
export function buildRenderer(): Promise<{ outDir: string }>;
export function main(argv?: string[]): Promise<void>;
