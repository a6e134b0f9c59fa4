import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { Role, UserRecord } from '../../db/entities/index.js';
import { DateTimeScalar } from '../graphql/scalars.js';

export enum RoleEnum {
  ADMIN = 'ADMIN',
  OPERATOR = 'OPERATOR',
  VIEWER = 'VIEWER',
}
registerEnumType(RoleEnum, { name: 'Role', description: 'ADMIN manages users and everything else; OPERATOR runs commands and applies manifests; VIEWER reads.' });

@ObjectType('User')
export class UserType {
  @Field(() => ID) id!: string;
  @Field(() => String) username!: string;
  @Field(() => RoleEnum) role!: Role;
  @Field(() => [String], { description: 'CIDRs the user may connect from; empty means anywhere' }) allowList!: string[];
  @Field(() => Boolean) disabled!: boolean;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar) updatedAt!: Date;

  static from(u: UserRecord): UserType {
    return Object.assign(new UserType(), {
      id: String(u.id),
      username: u.username,
      role: u.role,
      allowList: u.allowList,
      disabled: u.disabled,
      createdAt: u.createdAt,
      updatedAt: u.updatedAt,
    });
  }
}
