// Every unit test gets an in-memory IndexedDB; server tests simply never use it.
import 'fake-indexeddb/auto';
