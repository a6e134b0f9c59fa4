import { Migration } from '@mikro-orm/migrations';

export class Migration20261201150831_job_target_attempt extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`job_targets\` add \`attempt\` int not null default 0, add \`reasks\` int not null default 0, add \`reasked_at\` datetime(3) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`job_targets\` drop column \`attempt\`, drop column \`reasks\`, drop column \`reasked_at\`;`);
  }

}
