import { Migration } from '@mikro-orm/migrations';

export class Migration20261126122607_desired_state extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`cron_runs\` (\`id\` integer not null primary key autoincrement, \`host_id\` integer not null, \`name\` text not null, \`started_at\` datetime not null, \`finished_at\` datetime null, \`exit_code\` integer null, \`status\` text not null, \`output\` text null);`);
    this.addSql(`create index \`cron_runs_host_id_name_started_at_index\` on \`cron_runs\` (\`host_id\`, \`name\`, \`started_at\`);`);

    this.addSql(`create table \`host_states\` (\`host_id\` integer not null, \`revision_id\` integer null, \`desired_hash\` text null, \`desired\` longtext null, \`agent_hash\` text null, \`observed\` longtext null, \`observed_at\` datetime null, \`drift\` json not null, \`status\` text not null, \`converged_revision_id\` integer null, \`error\` text null, \`updated_at\` datetime not null, primary key (\`host_id\`));`);

    this.addSql(`create table \`manifest_revisions\` (\`id\` integer not null primary key autoincrement, \`created_by\` text not null, \`created_at\` datetime not null, \`message\` text null, \`source\` json not null, \`files\` longtext not null, \`documents\` longtext not null, \`rollback_of\` integer null);`);

    this.addSql(`create table \`process_restarts\` (\`id\` integer not null primary key autoincrement, \`host_id\` integer not null, \`process\` text not null, \`at\` datetime not null, \`exit_code\` integer null, \`signal\` text null, \`count\` integer not null, \`outcome\` text not null);`);
    this.addSql(`create index \`process_restarts_host_id_process_at_index\` on \`process_restarts\` (\`host_id\`, \`process\`, \`at\`);`);
  }

}
