import { Migration } from '@mikro-orm/migrations';

export class Migration20261201150831_job_target_attempt extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`job_targets\` add column \`attempt\` integer not null default 0;`);
    this.addSql(`alter table \`job_targets\` add column \`reasks\` integer not null default 0;`);
    this.addSql(`alter table \`job_targets\` add column \`reasked_at\` datetime null;`);
  }

}
