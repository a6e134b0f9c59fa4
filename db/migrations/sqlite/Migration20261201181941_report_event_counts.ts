import { Migration } from '@mikro-orm/migrations';

export class Migration20261201181941_report_event_counts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`event_count_marks\` (\`source\` text not null, \`counted_id\` bigint not null, \`seen_id\` bigint not null, primary key (\`source\`));`);

    this.addSql(`create table \`event_day_counts\` (\`source\` text not null, \`day_start_ms\` bigint not null, \`host_id\` integer not null, \`item_id\` integer not null, \`status\` text not null, \`count\` integer not null, \`last_ms\` bigint not null, primary key (\`source\`, \`day_start_ms\`, \`host_id\`, \`item_id\`, \`status\`));`);

    this.addSql(`create table \`event_items\` (\`id\` integer not null primary key autoincrement, \`source\` text not null, \`item\` text not null);`);
    this.addSql(`create unique index \`event_items_source_item_unique\` on \`event_items\` (\`source\`, \`item\`);`);

    this.addSql(`create index \`cron_runs_started_at_index\` on \`cron_runs\` (\`started_at\`);`);

    this.addSql(`drop index \`job_targets_job_id_status_index\`;`);

    this.addSql(`create index \`job_targets_job_id_status_host_id_duration_ms_index\` on \`job_targets\` (\`job_id\`, \`status\`, \`host_id\`, \`duration_ms\`);`);

    this.addSql(`create index \`process_restarts_at_index\` on \`process_restarts\` (\`at\`);`);
  }

}
