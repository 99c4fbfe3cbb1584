/** Resolves with a TCP port that is free on 127.0.0.1 right now. */
export declare function freePort(): Promise<number>;
/** True when something already listens on the port (so we must not start there). */
export declare function isPortInUse(port: number, host?: string): Promise<boolean>;
/** Thrown when a configured port is taken; names the variable that moves it. */
export declare class PortInUseError extends Error {
    readonly port: number;
    readonly variable: string;
    readonly service: string;
    constructor(port: number, variable: string, service: string);
}
/** Checks every named port and throws the first conflict. */
export declare function assertPortsFree(ports: {
    port: number;
    variable: string;
    service: string;
}[]): Promise<void>;
