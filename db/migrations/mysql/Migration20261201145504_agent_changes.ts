import { Migration } from '@mikro-orm/migrations';

export class Migration20261201145504_agent_changes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`agent_changes\` (\`id\` bigint unsigned not null auto_increment primary key, \`host_id\` int not null, \`change_id\` varchar(64) not null, \`at\` datetime(3) not null, \`resource\` varchar(512) not null, \`action\` varchar(32) not null, \`reason\` varchar(32) not null, \`kind\` varchar(16) not null, \`outcome\` varchar(16) not null, \`hash\` varchar(128) not null, \`revision\` int null, \`error\` varchar(1000) null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`agent_changes\` add index \`agent_changes_host_id_resource_at_index\`(\`host_id\`, \`resource\`, \`at\`);`);
    this.addSql(`alter table \`agent_changes\` add index \`agent_changes_at_index\`(\`at\`);`);
    this.addSql(`alter table \`agent_changes\` add unique \`agent_changes_host_id_change_id_unique\`(\`host_id\`, \`change_id\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`agent_changes\`;`);
  }

}
