import { type ManagedProcess } from './processes';
/** Azurite's well-known development account (public, documented by Microsoft; not a secret). */
export declare const DEV_ACCOUNT = "devstoreaccount1";
export declare const DEV_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
export interface AzuritePorts {
    blob: number;
    queue: number;
    table: number;
}
export interface AzuriteOptions {
    ports: AzuritePorts;
    /** Folder for persisted data; omitted → in-memory (tests). */
    location?: string;
    echo?: boolean;
}
export interface RunningAzurite {
    readonly process: ManagedProcess;
    readonly ports: AzuritePorts;
    readonly connectionString: string;
    stop(): Promise<void>;
}
/** The connection string Azure SDKs and the Functions host use for a local Azurite. */
export declare function azuriteConnectionString(ports: AzuritePorts, host?: string): string;
/** Starts Azurite (blob, queue, table) from the npm package and waits until all three listen. */
export declare function startAzurite(options: AzuriteOptions): Promise<RunningAzurite>;
