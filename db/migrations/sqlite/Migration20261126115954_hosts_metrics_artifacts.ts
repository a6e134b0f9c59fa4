import { Migration } from '@mikro-orm/migrations';

export class Migration20261126115954_hosts_metrics_artifacts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`artifacts\` (\`id\` integer not null primary key autoincrement, \`name\` text not null, \`version\` text not null, \`sha256\` text not null, \`md5\` text not null, \`size_bytes\` bigint not null, \`uploaded_by\` text not null, \`created_at\` datetime not null);`);
    this.addSql(`create index \`artifacts_sha256_index\` on \`artifacts\` (\`sha256\`);`);
    this.addSql(`create unique index \`artifacts_name_version_unique\` on \`artifacts\` (\`name\`, \`version\`);`);

    this.addSql(`create table \`enrollment_tokens\` (\`id\` integer not null primary key autoincrement, \`token_hash\` text not null, \`description\` text null, \`labels\` json not null, \`expires_at\` datetime not null, \`max_uses\` integer not null, \`uses\` integer not null default 0, \`created_by\` text not null, \`created_at\` datetime not null, \`revoked_at\` datetime null);`);
    this.addSql(`create unique index \`enrollment_tokens_token_hash_unique\` on \`enrollment_tokens\` (\`token_hash\`);`);

    this.addSql(`create table \`hosts\` (\`id\` integer not null primary key autoincrement, \`name\` text not null, \`credential_hash\` text not null, \`agent_labels\` json not null, \`server_labels\` json not null, \`inventory\` json null, \`inventory_fingerprint\` text null, \`agent_version\` text null, \`enrolled_at\` datetime not null, \`enrolled_with\` integer null, \`last_seen_at\` datetime null, \`last_connected_at\` datetime null, \`online\` integer not null default false, \`alive\` integer not null default false, \`connected_to\` text null, \`last_address\` text null, \`revoked_at\` datetime null);`);
    this.addSql(`create unique index \`hosts_name_unique\` on \`hosts\` (\`name\`);`);
    this.addSql(`create index \`hosts_online_index\` on \`hosts\` (\`online\`);`);
    this.addSql(`create index \`hosts_last_seen_at_index\` on \`hosts\` (\`last_seen_at\`);`);

    this.addSql(`create table \`host_status_events\` (\`id\` integer not null primary key autoincrement, \`host_id\` integer not null, \`at\` datetime not null, \`change\` text not null, \`reason\` text null);`);
    this.addSql(`create index \`host_status_events_host_id_at_index\` on \`host_status_events\` (\`host_id\`, \`at\`);`);

    this.addSql(`create table \`metric_rollups\` (\`id\` integer not null primary key autoincrement, \`host_id\` integer not null, \`step_seconds\` integer not null, \`bucket_start_ms\` bigint not null, \`samples\` integer not null, \`cpu_min\` double not null, \`cpu_avg\` double not null, \`cpu_max\` double not null, \`mem_used_min\` double not null, \`mem_used_avg\` double not null, \`mem_used_max\` double not null, \`mem_total_bytes\` double not null, \`load1avg\` double not null, \`load1max\` double not null, \`net_rx_avg\` double not null, \`net_rx_max\` double not null, \`net_tx_avg\` double not null, \`net_tx_max\` double not null, \`process_count_avg\` double not null, \`process_count_max\` double not null);`);
    this.addSql(`create index \`metric_rollups_step_seconds_bucket_start_ms_index\` on \`metric_rollups\` (\`step_seconds\`, \`bucket_start_ms\`);`);
    this.addSql(`create unique index \`metric_rollups_host_id_step_seconds_bucket_start_ms_unique\` on \`metric_rollups\` (\`host_id\`, \`step_seconds\`, \`bucket_start_ms\`);`);

    this.addSql(`create table \`metric_samples\` (\`id\` integer not null primary key autoincrement, \`host_id\` integer not null, \`at_ms\` bigint not null, \`cpu_percent\` double not null, \`load1\` double not null, \`load5\` double not null, \`load15\` double not null, \`mem_used_bytes\` bigint not null, \`mem_total_bytes\` bigint not null, \`swap_used_bytes\` bigint not null, \`swap_total_bytes\` bigint not null, \`net_rx_bytes_per_sec\` double not null, \`net_tx_bytes_per_sec\` double not null, \`process_count\` integer not null, \`disks\` json not null);`);
    this.addSql(`create index \`metric_samples_host_id_at_ms_index\` on \`metric_samples\` (\`host_id\`, \`at_ms\`);`);
    this.addSql(`create index \`metric_samples_at_ms_index\` on \`metric_samples\` (\`at_ms\`);`);
  }

}
