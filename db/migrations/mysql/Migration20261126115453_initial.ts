import { Migration } from '@mikro-orm/migrations';

export class Migration20261126115453_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`audit_events\` (\`id\` bigint unsigned not null auto_increment primary key, \`at\` datetime(3) not null, \`actor_type\` varchar(16) not null, \`actor\` varchar(128) not null, \`ip\` varchar(64) not null, \`action\` varchar(64) not null, \`target\` varchar(255) null, \`args\` json null, \`outcome\` varchar(16) not null, \`reason\` varchar(1024) null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`audit_events\` add index \`audit_events_at_index\`(\`at\`);`);
    this.addSql(`alter table \`audit_events\` add index \`audit_events_action_actor_at_index\`(\`action\`, \`actor\`, \`at\`);`);
    this.addSql(`alter table \`audit_events\` add index \`audit_events_action_ip_at_index\`(\`action\`, \`ip\`, \`at\`);`);

    this.addSql(`create table \`sessions\` (\`token_hash\` varchar(64) not null, \`user_id\` int not null, \`created_at\` datetime(3) not null, \`last_used_at\` datetime(3) not null, \`expires_at\` datetime(3) not null, \`ip\` varchar(64) not null, \`user_agent\` varchar(255) null, primary key (\`token_hash\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`sessions\` add index \`sessions_user_id_index\`(\`user_id\`);`);
    this.addSql(`alter table \`sessions\` add index \`sessions_expires_at_index\`(\`expires_at\`);`);

    this.addSql(`create table \`users\` (\`id\` int unsigned not null auto_increment primary key, \`username\` varchar(64) not null, \`password_hash\` varchar(255) not null, \`role\` varchar(16) not null, \`allow_list\` json not null, \`disabled\` tinyint(1) not null default false, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`users\` add unique \`users_username_unique\`(\`username\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`audit_events\`;`);

    this.addSql(`drop table if exists \`sessions\`;`);

    this.addSql(`drop table if exists \`users\`;`);
  }

}
