/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Absolute API origin for deployments where the API is not same-origin; unset locally. */
  readonly VITE_API_BASE_URL?: string;
}
