/** One file of the support bundle as the MANIFEST lists it. */
export interface ManifestRow {
  file: string;
  source: string;
  size: number;
  sha256: string;
  cut: boolean;
}
