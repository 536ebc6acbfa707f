export { ProtocolEditor } from './ProtocolEditor';
export { ProtocolLibrary } from './ProtocolLibrary';
