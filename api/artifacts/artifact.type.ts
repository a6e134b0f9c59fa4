import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { ArtifactRecord } from '../../db/entities/index.js';
import { PageInfo } from '../graphql/page.js';
import { DateTimeScalar } from '../graphql/scalars.js';
import type { DeleteOutcome, VerifyReport } from './artifact.service.js';

@ObjectType('ArtifactVersion', { description: 'One immutable name@version and the blob it names' })
export class ArtifactVersionType {
  @Field(() => String) name!: string;
  @Field(() => String) version!: string;
  @Field(() => Float, { description: 'Size in bytes' }) sizeBytes!: number;
  @Field(() => String, { description: 'Lowercase hex MD5 (the original system’s checksum)' }) md5!: string;
  @Field(() => String, { description: 'Lowercase hex SHA-256; also the download URL /artifacts/<sha256> and the ETag' }) sha256!: string;
  @Field(() => String) uploadedBy!: string;
  @Field(() => DateTimeScalar) createdAt!: Date;

  static from(r: ArtifactRecord): ArtifactVersionType {
    return Object.assign(new ArtifactVersionType(), {
      name: r.name,
      version: r.version,
      sizeBytes: Number(r.sizeBytes),
      md5: r.md5,
      sha256: r.sha256,
      uploadedBy: r.uploadedBy,
      createdAt: r.createdAt,
    });
  }
}

@ObjectType('Artifact', { description: 'A whitelisted file name and its versions' })
export class ArtifactType {
  @Field(() => String) name!: string;
  @Field(() => [ArtifactVersionType], { description: 'Newest first' }) versions!: ArtifactVersionType[];
}

@ObjectType()
export class ArtifactConnection {
  @Field(() => [ArtifactType]) nodes!: ArtifactType[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType()
export class DeleteArtifactResult {
  @Field(() => [ArtifactVersionType]) deleted!: ArtifactVersionType[];
  @Field(() => [String], { description: 'SHA-256 of each blob removed from the store (no remaining version used it)' }) blobsRemoved!: string[];

  static from(o: DeleteOutcome): DeleteArtifactResult {
    return Object.assign(new DeleteArtifactResult(), { deleted: o.deleted.map((r) => ArtifactVersionType.from(r)), blobsRemoved: [...o.blobsRemoved] });
  }
}

@ObjectType('CorruptArtifactBlob')
export class CorruptBlobType {
  @Field(() => String) sha256!: string;
  @Field(() => String) actualSha256!: string;
  @Field(() => Float) actualSizeBytes!: number;
}

@ObjectType('ArtifactVerifyReport')
export class VerifyReportType {
  @Field(() => Int, { description: 'Distinct registered blobs re-hashed' }) checked!: number;
  @Field(() => Int) ok!: number;
  @Field(() => [String], { description: 'Registered SHA-256s with no blob in the store' }) missing!: string[];
  @Field(() => [CorruptBlobType]) corrupt!: CorruptBlobType[];
  @Field(() => [String], { description: 'Blobs in the store that no version registers' }) orphans!: string[];
  @Field(() => [String], { description: 'name@version of every version whose blob is missing or corrupt' }) affected!: string[];

  static from(r: VerifyReport): VerifyReportType {
    return Object.assign(new VerifyReportType(), {
      checked: r.checked,
      ok: r.ok,
      missing: [...r.missing],
      corrupt: r.corrupt.map((c) => Object.assign(new CorruptBlobType(), c)),
      orphans: [...r.orphans],
      affected: [...r.affected],
    });
  }
}
