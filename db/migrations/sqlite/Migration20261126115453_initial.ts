import { Migration } from '@mikro-orm/migrations';

export class Migration20261126115453_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`audit_events\` (\`id\` integer not null primary key autoincrement, \`at\` datetime not null, \`actor_type\` text not null, \`actor\` text not null, \`ip\` text not null, \`action\` text not null, \`target\` text null, \`args\` json null, \`outcome\` text not null, \`reason\` text null);`);
    this.addSql(`create index \`audit_events_at_index\` on \`audit_events\` (\`at\`);`);
    this.addSql(`create index \`audit_events_action_actor_at_index\` on \`audit_events\` (\`action\`, \`actor\`, \`at\`);`);
    this.addSql(`create index \`audit_events_action_ip_at_index\` on \`audit_events\` (\`action\`, \`ip\`, \`at\`);`);

    this.addSql(`create table \`sessions\` (\`token_hash\` text not null, \`user_id\` integer not null, \`created_at\` datetime not null, \`last_used_at\` datetime not null, \`expires_at\` datetime not null, \`ip\` text not null, \`user_agent\` text null, primary key (\`token_hash\`));`);
    this.addSql(`create index \`sessions_user_id_index\` on \`sessions\` (\`user_id\`);`);
    this.addSql(`create index \`sessions_expires_at_index\` on \`sessions\` (\`expires_at\`);`);

    this.addSql(`create table \`users\` (\`id\` integer not null primary key autoincrement, \`username\` text not null, \`password_hash\` text not null, \`role\` text not null, \`allow_list\` json not null, \`disabled\` integer not null default false, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);
    this.addSql(`create unique index \`users_username_unique\` on \`users\` (\`username\`);`);
  }

}
