import { Migration } from '@mikro-orm/migrations';

export class Migration20261201150246_report_rollups extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`disk_rollups\` (\`id\` bigint unsigned not null auto_increment primary key, \`host_id\` int not null, \`step_seconds\` int not null, \`bucket_start_ms\` bigint not null, \`mount\` varchar(512) not null, \`samples\` int not null, \`used_avg\` double not null, \`used_max\` double not null, \`total_max\` double not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`disk_rollups\` add unique \`disk_rollups_step_seconds_bucket_start_ms_host_id_mount_unique\`(\`step_seconds\`, \`bucket_start_ms\`, \`host_id\`, \`mount\`);`);

    this.addSql(`create table \`metric_daily\` (\`id\` bigint unsigned not null auto_increment primary key, \`host_id\` int not null, \`day_start_ms\` bigint not null, \`metric\` varchar(8) not null, \`hours\` int not null, \`max_percent\` double not null, \`hist\` text not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`metric_daily\` add unique \`metric_daily_day_start_ms_metric_host_id_unique\`(\`day_start_ms\`, \`metric\`, \`host_id\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`disk_rollups\`;`);

    this.addSql(`drop table if exists \`metric_daily\`;`);
  }

}
