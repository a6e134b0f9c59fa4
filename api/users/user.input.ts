import { Field, InputType } from 'type-graphql';
import type { Role } from '../../db/entities/index.js';
import { RoleEnum } from './user.type.js';

@InputType()
export class CreateUserInput {
  @Field(() => String) username!: string;
  @Field(() => String) password!: string;
  @Field(() => RoleEnum) role!: Role;
  @Field(() => [String], { nullable: true }) allowList?: string[];
  @Field(() => Boolean, { nullable: true }) disabled?: boolean;
}

/** Only the fields given change. Changing role, password, allow-list or disabling ends the user's sessions. */
@InputType()
export class UpdateUserInput {
  @Field(() => RoleEnum, { nullable: true }) role?: Role;
  @Field(() => String, { nullable: true }) password?: string;
  @Field(() => [String], { nullable: true }) allowList?: string[];
  @Field(() => Boolean, { nullable: true }) disabled?: boolean;
}
