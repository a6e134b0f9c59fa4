import { Migration } from '@mikro-orm/migrations';

export class Migration20261201183645_availability_indexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index \`host_status_events_host_id_change_at_index\` on \`host_status_events\` (\`host_id\`, \`change\`, \`at\`);`);
    this.addSql(`create index \`host_status_events_at_host_id_change_index\` on \`host_status_events\` (\`at\`, \`host_id\`, \`change\`);`);
  }

}
