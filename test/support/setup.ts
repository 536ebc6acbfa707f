// Every unit test gets an in-memory IndexedDB; server tests simply never use it.
import 'fake-indexeddb/auto';
import { configure } from '@testing-library/preact';

// Screens wait for conditions (a row, a message), never for time; on a loaded 2-core
// machine a condition can take longer than testing-library's 1 s default to come true.
configure({ asyncUtilTimeout: 10_000 });
