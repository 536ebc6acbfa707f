import './protocols.css';
export { ProtocolEditor } from './ProtocolEditor';
export { ProtocolLibrary } from './ProtocolLibrary';
