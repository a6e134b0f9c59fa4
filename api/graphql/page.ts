import { Field, ObjectType } from 'type-graphql';

/** Cursor pagination, forward only: pass `endCursor` as `after` for the next page. */
@ObjectType()
export class PageInfo {
  @Field(() => String, { nullable: true }) endCursor!: string | null;
  @Field(() => Boolean) hasNextPage!: boolean;
}

export const MAX_PAGE_SIZE = 500;

export function clampFirst(first: number | undefined, fallback = 50): number {
  return Math.max(1, Math.min(first ?? fallback, MAX_PAGE_SIZE));
}
