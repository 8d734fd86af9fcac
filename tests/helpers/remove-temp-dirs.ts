import { afterAll } from 'vitest';
import { removeTempDirs } from './fixtures.ts';

// Registered before any test file's own hooks, so it runs after them (hooks unwind as a stack).
afterAll(() => removeTempDirs());
