import { Migration } from '@mikro-orm/migrations';

export class Migration20261201183646_availability_indexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`host_status_events\` add index \`host_status_events_host_id_change_at_index\`(\`host_id\`, \`change\`, \`at\`);`);
    this.addSql(`alter table \`host_status_events\` add index \`host_status_events_at_host_id_change_index\`(\`at\`, \`host_id\`, \`change\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`host_status_events\` drop index \`host_status_events_host_id_change_at_index\`;`);
    this.addSql(`alter table \`host_status_events\` drop index \`host_status_events_at_host_id_change_index\`;`);
  }

}
