import { Migration } from '@mikro-orm/migrations';

export class Migration20261201120353_restart_pids extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`process_restarts\` add \`pid\` int null, add \`new_pid\` int null, add \`backoff_ms\` int null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`process_restarts\` drop column \`pid\`, drop column \`new_pid\`, drop column \`backoff_ms\`;`);
  }

}
