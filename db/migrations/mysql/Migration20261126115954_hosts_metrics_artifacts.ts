import { Migration } from '@mikro-orm/migrations';

export class Migration20261126115954_hosts_metrics_artifacts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`artifacts\` (\`id\` int unsigned not null auto_increment primary key, \`name\` varchar(128) not null, \`version\` varchar(64) not null, \`sha256\` varchar(64) not null, \`md5\` varchar(32) not null, \`size_bytes\` bigint not null, \`uploaded_by\` varchar(64) not null, \`created_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`artifacts\` add index \`artifacts_sha256_index\`(\`sha256\`);`);
    this.addSql(`alter table \`artifacts\` add unique \`artifacts_name_version_unique\`(\`name\`, \`version\`);`);

    this.addSql(`create table \`enrollment_tokens\` (\`id\` int unsigned not null auto_increment primary key, \`token_hash\` varchar(64) not null, \`description\` varchar(255) null, \`labels\` json not null, \`expires_at\` datetime(3) not null, \`max_uses\` int not null, \`uses\` int not null default 0, \`created_by\` varchar(64) not null, \`created_at\` datetime(3) not null, \`revoked_at\` datetime(3) null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`enrollment_tokens\` add unique \`enrollment_tokens_token_hash_unique\`(\`token_hash\`);`);

    this.addSql(`create table \`hosts\` (\`id\` int unsigned not null auto_increment primary key, \`name\` varchar(253) not null, \`credential_hash\` varchar(64) not null, \`agent_labels\` json not null, \`server_labels\` json not null, \`inventory\` json null, \`inventory_fingerprint\` varchar(64) null, \`agent_version\` varchar(64) null, \`enrolled_at\` datetime(3) not null, \`enrolled_with\` int null, \`last_seen_at\` datetime(3) null, \`last_connected_at\` datetime(3) null, \`online\` tinyint(1) not null default false, \`alive\` tinyint(1) not null default false, \`connected_to\` varchar(128) null, \`last_address\` varchar(64) null, \`revoked_at\` datetime(3) null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`hosts\` add unique \`hosts_name_unique\`(\`name\`);`);
    this.addSql(`alter table \`hosts\` add index \`hosts_online_index\`(\`online\`);`);
    this.addSql(`alter table \`hosts\` add index \`hosts_last_seen_at_index\`(\`last_seen_at\`);`);

    this.addSql(`create table \`host_status_events\` (\`id\` bigint unsigned not null auto_increment primary key, \`host_id\` int not null, \`at\` datetime(3) not null, \`change\` varchar(16) not null, \`reason\` varchar(255) null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`host_status_events\` add index \`host_status_events_host_id_at_index\`(\`host_id\`, \`at\`);`);

    this.addSql(`create table \`metric_rollups\` (\`id\` bigint unsigned not null auto_increment primary key, \`host_id\` int not null, \`step_seconds\` int not null, \`bucket_start_ms\` bigint not null, \`samples\` int not null, \`cpu_min\` double not null, \`cpu_avg\` double not null, \`cpu_max\` double not null, \`mem_used_min\` double not null, \`mem_used_avg\` double not null, \`mem_used_max\` double not null, \`mem_total_bytes\` double not null, \`load1avg\` double not null, \`load1max\` double not null, \`net_rx_avg\` double not null, \`net_rx_max\` double not null, \`net_tx_avg\` double not null, \`net_tx_max\` double not null, \`process_count_avg\` double not null, \`process_count_max\` double not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`metric_rollups\` add index \`metric_rollups_step_seconds_bucket_start_ms_index\`(\`step_seconds\`, \`bucket_start_ms\`);`);
    this.addSql(`alter table \`metric_rollups\` add unique \`metric_rollups_host_id_step_seconds_bucket_start_ms_unique\`(\`host_id\`, \`step_seconds\`, \`bucket_start_ms\`);`);

    this.addSql(`create table \`metric_samples\` (\`id\` bigint unsigned not null auto_increment primary key, \`host_id\` int not null, \`at_ms\` bigint not null, \`cpu_percent\` double not null, \`load1\` double not null, \`load5\` double not null, \`load15\` double not null, \`mem_used_bytes\` bigint not null, \`mem_total_bytes\` bigint not null, \`swap_used_bytes\` bigint not null, \`swap_total_bytes\` bigint not null, \`net_rx_bytes_per_sec\` double not null, \`net_tx_bytes_per_sec\` double not null, \`process_count\` int not null, \`disks\` json not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`metric_samples\` add index \`metric_samples_host_id_at_ms_index\`(\`host_id\`, \`at_ms\`);`);
    this.addSql(`alter table \`metric_samples\` add index \`metric_samples_at_ms_index\`(\`at_ms\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`artifacts\`;`);

    this.addSql(`drop table if exists \`enrollment_tokens\`;`);

    this.addSql(`drop table if exists \`hosts\`;`);

    this.addSql(`drop table if exists \`host_status_events\`;`);

    this.addSql(`drop table if exists \`metric_rollups\`;`);

    this.addSql(`drop table if exists \`metric_samples\`;`);
  }

}
