import { Migration } from '@mikro-orm/migrations';

export class Migration20261201181941_report_event_counts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`event_count_marks\` (\`source\` varchar(16) not null, \`counted_id\` bigint not null, \`seen_id\` bigint not null, primary key (\`source\`)) default character set utf8mb4 engine = InnoDB;`);

    this.addSql(`create table \`event_day_counts\` (\`source\` varchar(16) not null, \`day_start_ms\` bigint unsigned not null, \`host_id\` int unsigned not null, \`item_id\` int unsigned not null, \`status\` varchar(40) not null, \`count\` int not null, \`last_ms\` bigint not null, primary key (\`source\`, \`day_start_ms\`, \`host_id\`, \`item_id\`, \`status\`)) default character set utf8mb4 engine = InnoDB;`);

    this.addSql(`create table \`event_items\` (\`id\` int unsigned not null auto_increment primary key, \`source\` varchar(16) not null, \`item\` varchar(512) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`event_items\` add unique \`event_items_source_item_unique\`(\`source\`, \`item\`);`);

    this.addSql(`alter table \`cron_runs\` add index \`cron_runs_started_at_index\`(\`started_at\`);`);

    this.addSql(`alter table \`job_targets\` drop index \`job_targets_job_id_status_index\`;`);

    this.addSql(`alter table \`job_targets\` add index \`job_targets_job_id_status_host_id_duration_ms_index\`(\`job_id\`, \`status\`, \`host_id\`, \`duration_ms\`);`);

    this.addSql(`alter table \`process_restarts\` add index \`process_restarts_at_index\`(\`at\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`event_count_marks\`;`);

    this.addSql(`drop table if exists \`event_day_counts\`;`);

    this.addSql(`drop table if exists \`event_items\`;`);

    this.addSql(`alter table \`cron_runs\` drop index \`cron_runs_started_at_index\`;`);

    this.addSql(`alter table \`job_targets\` drop index \`job_targets_job_id_status_host_id_duration_ms_index\`;`);

    this.addSql(`alter table \`job_targets\` add index \`job_targets_job_id_status_index\`(\`job_id\`, \`status\`);`);

    this.addSql(`alter table \`process_restarts\` drop index \`process_restarts_at_index\`;`);
  }

}
