import { protocolEditingOf } from '../../data/protocol-edit-store';
import { useServices } from '../app-context';

/** The protocol editing functions, loaded with the protocol screens. */
export const useProtocolEditing = () => protocolEditingOf(useServices().store);
