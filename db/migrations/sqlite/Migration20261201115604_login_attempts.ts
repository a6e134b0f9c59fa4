import { Migration } from '@mikro-orm/migrations';

export class Migration20261201115604_login_attempts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`login_attempts\` (\`id\` integer not null primary key autoincrement, \`username\` text not null, \`ip\` text not null, \`at\` datetime not null);`);
    this.addSql(`create index \`login_attempts_username_at_index\` on \`login_attempts\` (\`username\`, \`at\`);`);
    this.addSql(`create index \`login_attempts_ip_at_index\` on \`login_attempts\` (\`ip\`, \`at\`);`);
    this.addSql(`create index \`login_attempts_at_index\` on \`login_attempts\` (\`at\`);`);
  }

}
