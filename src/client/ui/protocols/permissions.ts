/**
 * Who may edit protocols. Until accounts exist (issue #4) anyone may; the roles
 * issue answers this from the signed-in user's roles in the owning school, and the
 * server enforces the same rule on every protocol mutation.
 */
export function canEditProtocols(): boolean {
  return true;
}
