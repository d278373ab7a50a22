/** The contract's Event: what Subscription.events delivers. */
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../graphql/date-time-scalar.ts';

@ObjectType('Event', { simpleResolvers: true })
export class EventObject {
  @Field(() => ID) id!: string;
  @Field(() => String) type!: string;
  @Field(() => DateTimeScalar) timestamp!: string;
  @Field(() => String, { description: "The event's data, as JSON text (the same object a webhook receives under data)." }) data!: string;
}
