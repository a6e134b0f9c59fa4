import { Migration } from '@mikro-orm/migrations';

export class Migration20261126122607_desired_state extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`cron_runs\` (\`id\` bigint unsigned not null auto_increment primary key, \`host_id\` int not null, \`name\` varchar(128) not null, \`started_at\` datetime(3) not null, \`finished_at\` datetime(3) null, \`exit_code\` int null, \`status\` varchar(16) not null, \`output\` text null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`cron_runs\` add index \`cron_runs_host_id_name_started_at_index\`(\`host_id\`, \`name\`, \`started_at\`);`);

    this.addSql(`create table \`host_states\` (\`host_id\` int unsigned not null, \`revision_id\` int null, \`desired_hash\` varchar(128) null, \`desired\` longtext null, \`agent_hash\` varchar(128) null, \`observed\` longtext null, \`observed_at\` datetime(3) null, \`drift\` json not null, \`status\` varchar(16) not null, \`converged_revision_id\` int null, \`error\` varchar(1024) null, \`updated_at\` datetime(3) not null, primary key (\`host_id\`)) default character set utf8mb4 engine = InnoDB;`);

    this.addSql(`create table \`manifest_revisions\` (\`id\` int unsigned not null auto_increment primary key, \`created_by\` varchar(64) not null, \`created_at\` datetime(3) not null, \`message\` varchar(1024) null, \`source\` json not null, \`files\` longtext not null, \`documents\` longtext not null, \`rollback_of\` int null) default character set utf8mb4 engine = InnoDB;`);

    this.addSql(`create table \`process_restarts\` (\`id\` bigint unsigned not null auto_increment primary key, \`host_id\` int not null, \`process\` varchar(128) not null, \`at\` datetime(3) not null, \`exit_code\` int null, \`signal\` varchar(16) null, \`count\` int not null, \`outcome\` varchar(16) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`process_restarts\` add index \`process_restarts_host_id_process_at_index\`(\`host_id\`, \`process\`, \`at\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`cron_runs\`;`);

    this.addSql(`drop table if exists \`host_states\`;`);

    this.addSql(`drop table if exists \`manifest_revisions\`;`);

    this.addSql(`drop table if exists \`process_restarts\`;`);
  }

}
