import { Migration } from '@mikro-orm/migrations';

export class Migration20261126121456_jobs extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`job_events\` (\`id\` integer not null primary key autoincrement, \`job_id\` bigint not null, \`seq\` integer not null, \`at\` datetime not null, \`type\` text not null, \`host_name\` text null, \`status\` text not null, \`data\` json not null);`);
    this.addSql(`create unique index \`job_events_job_id_seq_unique\` on \`job_events\` (\`job_id\`, \`seq\`);`);

    this.addSql(`create table \`jobs\` (\`id\` integer not null primary key autoincrement, \`kind\` text not null, \`command\` text not null, \`interpreter\` text null, \`cwd\` text null, \`env\` json not null, \`args\` json not null, \`timeout_seconds\` integer not null, \`selector\` text null, \`host_patterns\` json not null, \`batch_size\` integer not null, \`max_failures\` integer null, \`queue_for_seconds\` integer not null, \`status\` text not null, \`created_by\` text not null, \`created_at\` datetime not null, \`finished_at\` datetime null, \`last_seq\` integer not null default 0);`);
    this.addSql(`create index \`jobs_status_index\` on \`jobs\` (\`status\`);`);
    this.addSql(`create index \`jobs_created_at_index\` on \`jobs\` (\`created_at\`);`);

    this.addSql(`create table \`job_targets\` (\`id\` integer not null primary key autoincrement, \`job_id\` bigint not null, \`host_id\` integer not null, \`host_name\` text not null, \`status\` text not null, \`attempts\` integer not null default 0, \`queue_deadline\` datetime not null, \`sent_at\` datetime null, \`started_at\` datetime null, \`finished_at\` datetime null, \`exit_code\` integer null, \`signal\` text null, \`stdout\` mediumtext null, \`stderr\` mediumtext null, \`stdout_truncated\` integer not null default false, \`stderr_truncated\` integer not null default false, \`duration_ms\` integer null, \`error\` text null);`);
    this.addSql(`create index \`job_targets_job_id_status_index\` on \`job_targets\` (\`job_id\`, \`status\`);`);
    this.addSql(`create index \`job_targets_host_id_status_index\` on \`job_targets\` (\`host_id\`, \`status\`);`);
    this.addSql(`create index \`job_targets_host_id_id_index\` on \`job_targets\` (\`host_id\`, \`id\`);`);
    this.addSql(`create unique index \`job_targets_job_id_host_id_unique\` on \`job_targets\` (\`job_id\`, \`host_id\`);`);
  }

}
