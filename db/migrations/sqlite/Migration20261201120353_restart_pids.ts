import { Migration } from '@mikro-orm/migrations';

export class Migration20261201120353_restart_pids extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`process_restarts\` add column \`pid\` integer null;`);
    this.addSql(`alter table \`process_restarts\` add column \`new_pid\` integer null;`);
    this.addSql(`alter table \`process_restarts\` add column \`backoff_ms\` integer null;`);
  }

}
