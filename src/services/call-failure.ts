/**
 * Why a call got no answer: the phone never reached the service (NETWORK: check the connection) or
 * the service failed while answering (INTERNAL: try again later). Saying 网络不可用 for a server
 * fault sends the user to fix a network that works.
 */
export class ServiceFault extends Error {}

export function isServiceFault(error: unknown): boolean {
  return error instanceof ServiceFault;
}
