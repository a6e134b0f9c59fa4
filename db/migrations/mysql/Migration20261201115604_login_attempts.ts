import { Migration } from '@mikro-orm/migrations';

export class Migration20261201115604_login_attempts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`login_attempts\` (\`id\` bigint unsigned not null auto_increment primary key, \`username\` varchar(128) not null, \`ip\` varchar(64) not null, \`at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`login_attempts\` add index \`login_attempts_username_at_index\`(\`username\`, \`at\`);`);
    this.addSql(`alter table \`login_attempts\` add index \`login_attempts_ip_at_index\`(\`ip\`, \`at\`);`);
    this.addSql(`alter table \`login_attempts\` add index \`login_attempts_at_index\`(\`at\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`login_attempts\`;`);
  }

}
