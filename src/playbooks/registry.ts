/** What the loader needs to know about the check and action whitelists. */
export interface PlaybookRegistry {
  hasCheck(id: string): boolean;
  /** Signals the check may emit (including the common ones), or undefined for an unknown check. */
  checkSignals(id: string): readonly string[] | undefined;
  hasAction(id: string): boolean;
  /** Known ids, used only to say what is valid in error messages. */
  checkIds?(): readonly string[];
  actionIds?(): readonly string[];
  /** Concept ids of the intent lexicon; when absent, `concepts` are not checked. */
  conceptIds?(): readonly string[];
}
