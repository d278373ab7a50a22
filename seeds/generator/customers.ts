import type { CustomerInput } from '../../graph/model/index.ts';
import { customerName } from './names.ts';
import type { EcosystemPlan } from './plan.ts';
import { deriveSeed, Rng } from './prng.ts';

/** Customers in id order; the name's last word matches the customer's industry. */
export function* customers(plan: EcosystemPlan): Generator<CustomerInput> {
  const rng = new Rng(deriveSeed(plan.options.seed, 'customers'));
  const { regions, industries, industryWords } = plan.catalog;
  for (let i = 0; i < plan.customerCount; i++) {
    const industry = rng.int(0, industries.length - 1);
    const region = regions[plan.regionPopularity.draw(rng)];
    yield {
      id: plan.ids.customer.of(i),
      name: customerName(i, rng.pick(industryWords[industry])),
      region: region.code,
      industry: industries[industry].code,
    };
  }
}
