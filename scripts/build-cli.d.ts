// Types for scripts/build-cli.js (plain JavaScript, so `prepare` needs no TypeScript loader).
export declare const OUT_DIR: string;
export declare function buildCli(): Promise<string>;
export declare function cliBuildOptions(): Record<string, unknown>;
