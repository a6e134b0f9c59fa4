import { Migration } from '@mikro-orm/migrations';

export class Migration20261126121457_jobs extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`job_events\` (\`id\` bigint unsigned not null auto_increment primary key, \`job_id\` bigint not null, \`seq\` int not null, \`at\` datetime(3) not null, \`type\` varchar(8) not null, \`host_name\` varchar(253) null, \`status\` varchar(16) not null, \`data\` json not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`job_events\` add unique \`job_events_job_id_seq_unique\`(\`job_id\`, \`seq\`);`);

    this.addSql(`create table \`jobs\` (\`id\` bigint unsigned not null auto_increment primary key, \`kind\` varchar(24) not null, \`command\` text not null, \`interpreter\` varchar(16) null, \`cwd\` varchar(1024) null, \`env\` json not null, \`args\` json not null, \`timeout_seconds\` int not null, \`selector\` varchar(4096) null, \`host_patterns\` json not null, \`batch_size\` int not null, \`max_failures\` int null, \`queue_for_seconds\` int not null, \`status\` varchar(16) not null, \`created_by\` varchar(64) not null, \`created_at\` datetime(3) not null, \`finished_at\` datetime(3) null, \`last_seq\` int not null default 0) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`jobs\` add index \`jobs_status_index\`(\`status\`);`);
    this.addSql(`alter table \`jobs\` add index \`jobs_created_at_index\`(\`created_at\`);`);

    this.addSql(`create table \`job_targets\` (\`id\` bigint unsigned not null auto_increment primary key, \`job_id\` bigint not null, \`host_id\` int not null, \`host_name\` varchar(253) not null, \`status\` varchar(16) not null, \`attempts\` int not null default 0, \`queue_deadline\` datetime(3) not null, \`sent_at\` datetime(3) null, \`started_at\` datetime(3) null, \`finished_at\` datetime(3) null, \`exit_code\` int null, \`signal\` varchar(16) null, \`stdout\` mediumtext null, \`stderr\` mediumtext null, \`stdout_truncated\` tinyint(1) not null default false, \`stderr_truncated\` tinyint(1) not null default false, \`duration_ms\` int null, \`error\` varchar(1024) null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`job_targets\` add index \`job_targets_job_id_status_index\`(\`job_id\`, \`status\`);`);
    this.addSql(`alter table \`job_targets\` add index \`job_targets_host_id_status_index\`(\`host_id\`, \`status\`);`);
    this.addSql(`alter table \`job_targets\` add index \`job_targets_host_id_id_index\`(\`host_id\`, \`id\`);`);
    this.addSql(`alter table \`job_targets\` add unique \`job_targets_job_id_host_id_unique\`(\`job_id\`, \`host_id\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`job_events\`;`);

    this.addSql(`drop table if exists \`jobs\`;`);

    this.addSql(`drop table if exists \`job_targets\`;`);
  }

}
