/**
 * A deliberate fault for the build's test (test/unit/scripts/build.test.ts): with OMS_CHATOPS_CRASH_TEST=1 the
 * command throws before doing anything, so the test can see that a stack trace from the bundle names src/ files.
 */
export function crashIfAsked(env: NodeJS.ProcessEnv): void {
  if (env.OMS_CHATOPS_CRASH_TEST === '1') throw new Error('OMS_CHATOPS_CRASH_TEST: deliberate fault');
}
