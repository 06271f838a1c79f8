import { jest } from '@jest/globals';

// Real processes and servers: generous bounds for a loaded CI machine. `testTimeout` inside a
// Jest project is ignored (only the top level reads it), so the e2e project sets it here.
jest.setTimeout(90_000);
