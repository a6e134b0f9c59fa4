import { Migration } from '@mikro-orm/migrations';

export class Migration20261201145518_job_target_attempt extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`job_targets\` add \`attempt\` int not null default 0, add \`reasks\` int not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`job_targets\` drop column \`attempt\`, drop column \`reasks\`;`);
  }

}
