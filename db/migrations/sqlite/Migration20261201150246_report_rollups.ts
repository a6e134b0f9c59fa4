import { Migration } from '@mikro-orm/migrations';

export class Migration20261201150246_report_rollups extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`disk_rollups\` (\`id\` integer not null primary key autoincrement, \`host_id\` integer not null, \`step_seconds\` integer not null, \`bucket_start_ms\` bigint not null, \`mount\` text not null, \`samples\` integer not null, \`used_avg\` double not null, \`used_max\` double not null, \`total_max\` double not null);`);
    this.addSql(`create unique index \`disk_rollups_step_seconds_bucket_start_ms_host_id_mount_unique\` on \`disk_rollups\` (\`step_seconds\`, \`bucket_start_ms\`, \`host_id\`, \`mount\`);`);

    this.addSql(`create table \`metric_daily\` (\`id\` integer not null primary key autoincrement, \`host_id\` integer not null, \`day_start_ms\` bigint not null, \`metric\` text not null, \`hours\` integer not null, \`max_percent\` double not null, \`hist\` text not null);`);
    this.addSql(`create unique index \`metric_daily_day_start_ms_metric_host_id_unique\` on \`metric_daily\` (\`day_start_ms\`, \`metric\`, \`host_id\`);`);
  }

}
