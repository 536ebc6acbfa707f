import './protocols.css';
export { ProtocolEditor } from './ProtocolEditor';
export { ProtocolLibrary } from './ProtocolLibrary';
export { ProtocolScreens } from './ProtocolScreens';
