import { Migration } from '@mikro-orm/migrations';

export class Migration20261201145504_agent_changes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`agent_changes\` (\`id\` integer not null primary key autoincrement, \`host_id\` integer not null, \`change_id\` text not null, \`at\` datetime not null, \`resource\` text not null, \`action\` text not null, \`reason\` text not null, \`kind\` text not null, \`outcome\` text not null, \`hash\` text not null, \`revision\` integer null, \`error\` text null);`);
    this.addSql(`create index \`agent_changes_host_id_resource_at_index\` on \`agent_changes\` (\`host_id\`, \`resource\`, \`at\`);`);
    this.addSql(`create index \`agent_changes_at_index\` on \`agent_changes\` (\`at\`);`);
    this.addSql(`create unique index \`agent_changes_host_id_change_id_unique\` on \`agent_changes\` (\`host_id\`, \`change_id\`);`);
  }

}
