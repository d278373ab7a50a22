/**
 * The address rule of each running app (WEBHOOK_ALLOW_PRIVATE), for createWebhook. The
 * schema is built once per process while each app reads its own settings (tests start
 * apps with different ones in one process), so the rule is kept with the app's database
 * driver, which every Graph handle of the app shares (the requests' and the background
 * one the dispatcher runs on), and set when the app starts its dispatcher.
 */
import type { Graph } from '../../graph/db/index.ts';
import type { AddressPolicy } from '../../graph/webhooks/index.ts';

const policies = new WeakMap<Graph['driver'], AddressPolicy>();

export function setAddressPolicy(graph: Graph, policy: AddressPolicy): void {
  policies.set(graph.driver, policy);
}

/** Without a running dispatcher the strict rule holds. */
export function addressPolicyOf(graph: Graph): AddressPolicy {
  return policies.get(graph.driver) ?? { allowPrivate: false };
}
