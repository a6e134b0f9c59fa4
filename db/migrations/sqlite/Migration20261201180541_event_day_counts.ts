import { Migration } from '@mikro-orm/migrations';

export class Migration20261201180541_event_day_counts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`event_count_marks\` (\`source\` text not null, \`counted_id\` bigint not null, \`seen_id\` bigint not null, primary key (\`source\`));`);

    this.addSql(`create table \`event_day_counts\` (\`source\` text not null, \`day_start_ms\` bigint not null, \`host_id\` integer not null, \`item\` text not null, \`status\` text not null, \`count\` integer not null, \`last_ms\` bigint not null, primary key (\`source\`, \`day_start_ms\`, \`host_id\`, \`item\`, \`status\`));`);

    this.addSql(`create index \`cron_runs_started_at_index\` on \`cron_runs\` (\`started_at\`);`);

    this.addSql(`create index \`process_restarts_at_index\` on \`process_restarts\` (\`at\`);`);
  }

}
