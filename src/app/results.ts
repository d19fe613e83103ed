/** Results shared by several application functions: nothing was run, and why. */

/** A name that is not a configured target: nothing was run. */
export interface UnknownTarget {
  kind: 'unknown-target';
  name: string;
}

/** A verb whose part is not wired in this process (e.g. a runner built without an audit log). */
export interface Unavailable {
  kind: 'unavailable';
  what: 'audit' | 'approvals' | 'access';
}
