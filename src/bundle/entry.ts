/**
 * Entry point of the bundle made by scripts/build.ts (dist/bundle/oms-chatops.js). Imports run in order: stack
 * traces are mapped back to src/ files first, then the command starts as `src/main.ts` does from the sources.
 */
import './map-stacks.js';
import '../main.js';
