// Types for cloudfront-wasm: the same shapes as @aws-sdk/client-cloudfront's (3.1164.0) for the
// nine connection-function operations, their paginators and errors.

export interface AwsCredentialIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** A provider's result is reused until 5 minutes before this instant. */
  expiration?: Date;
}

export type AwsCredentialIdentityProvider = () => Promise<AwsCredentialIdentity>;

export interface CloudFrontClientConfig {
  /** Picks the partition: `aws` (default, `us-east-1`) or `aws-cn` (`cn-*`). */
  region?: string | (() => Promise<string>);
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Overrides endpoint resolution: an http(s) URL, optionally with a path prefix. */
  endpoint?: string | URL | { protocol?: string; hostname: string; port?: number; path?: string };
  useFipsEndpoint?: boolean;
  useDualstackEndpoint?: boolean;
  /** Attempts per call, including the first (default 3, at least 1). */
  maxAttempts?: number;
  /** Milliseconds before an attempt is abandoned (0 or absent: none). */
  requestTimeout?: number;
  /** A fetch-compatible function, called once per attempt (proxies, tests, counting). */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Milliseconds added to the local clock when signing; corrected from server answers. */
  systemClockOffset?: number;
}

export interface ResponseMetadata {
  httpStatusCode?: number;
  requestId?: string;
  extendedRequestId?: string;
  cfId?: string;
  attempts?: number;
  totalRetryDelay?: number;
  clockSkewCorrected?: boolean;
}

export interface MetadataBearer {
  $metadata: ResponseMetadata;
}

// ---- Shapes of the nine operations, as in @aws-sdk/client-cloudfront's models (enums as unions).
export type FunctionRuntime = "cloudfront-js-1.0" | "cloudfront-js-2.0";
export interface KeyValueStoreAssociation {
  KeyValueStoreARN: string | undefined;
}
export interface KeyValueStoreAssociations {
  Quantity: number | undefined;
  Items?: KeyValueStoreAssociation[] | undefined;
}
export interface FunctionConfig {
  Comment: string | undefined;
  Runtime: FunctionRuntime | undefined;
  KeyValueStoreAssociations?: KeyValueStoreAssociations | undefined;
}
export interface Tag {
  Key: string | undefined;
  Value?: string | undefined;
}
export interface Tags {
  Items?: Tag[] | undefined;
}
export interface CreateConnectionFunctionRequest {
  Name: string | undefined;
  ConnectionFunctionConfig: FunctionConfig | undefined;
  ConnectionFunctionCode: Uint8Array | undefined;
  Tags?: Tags | undefined;
}
export type FunctionStage = "DEVELOPMENT" | "LIVE";
export interface ConnectionFunctionSummary {
  Name: string | undefined;
  Id: string | undefined;
  ConnectionFunctionConfig: FunctionConfig | undefined;
  ConnectionFunctionArn: string | undefined;
  Status: string | undefined;
  Stage: FunctionStage | undefined;
  CreatedTime: Date | undefined;
  LastModifiedTime: Date | undefined;
}
export interface CreateConnectionFunctionResult {
  ConnectionFunctionSummary?: ConnectionFunctionSummary | undefined;
  Location?: string | undefined;
  ETag?: string | undefined;
}
export interface DescribeConnectionFunctionRequest {
  Identifier: string | undefined;
  Stage?: FunctionStage | undefined;
}
export interface DescribeConnectionFunctionResult {
  ConnectionFunctionSummary?: ConnectionFunctionSummary | undefined;
  ETag?: string | undefined;
}
export interface GetConnectionFunctionRequest {
  Identifier: string | undefined;
  Stage?: FunctionStage | undefined;
}
export interface GetConnectionFunctionResult {
  ConnectionFunctionCode?: Uint8Array | undefined;
  ETag?: string | undefined;
  ContentType?: string | undefined;
}
export interface ListConnectionFunctionsRequest {
  Marker?: string | undefined;
  MaxItems?: number | undefined;
  Stage?: FunctionStage | undefined;
}
export interface ListConnectionFunctionsResult {
  NextMarker?: string | undefined;
  ConnectionFunctions?: ConnectionFunctionSummary[] | undefined;
}
export interface ListDistributionsByConnectionFunctionRequest {
  Marker?: string | undefined;
  MaxItems?: number | undefined;
  ConnectionFunctionIdentifier: string | undefined;
}
export interface Aliases {
  Quantity: number | undefined;
  Items?: string[] | undefined;
}
export interface OriginCustomHeader {
  HeaderName: string | undefined;
  HeaderValue: string | undefined;
}
export interface CustomHeaders {
  Quantity: number | undefined;
  Items?: OriginCustomHeader[] | undefined;
}
export interface S3OriginConfig {
  OriginAccessIdentity: string | undefined;
  OriginReadTimeout?: number | undefined;
}
export type OriginProtocolPolicy = "http-only" | "https-only" | "match-viewer";
export type SslProtocol = "SSLv3" | "TLSv1" | "TLSv1.1" | "TLSv1.2";
export interface OriginSslProtocols {
  Quantity: number | undefined;
  Items: SslProtocol[] | undefined;
}
export type IpAddressType = "dualstack" | "ipv4" | "ipv6";
export interface OriginMtlsConfig {
  ClientCertificateArn: string | undefined;
}
export interface CustomOriginConfig {
  HTTPPort: number | undefined;
  HTTPSPort: number | undefined;
  OriginProtocolPolicy: OriginProtocolPolicy | undefined;
  OriginSslProtocols?: OriginSslProtocols | undefined;
  OriginReadTimeout?: number | undefined;
  OriginKeepaliveTimeout?: number | undefined;
  IpAddressType?: IpAddressType | undefined;
  OriginMtlsConfig?: OriginMtlsConfig | undefined;
}
export interface VpcOriginConfig {
  VpcOriginId: string | undefined;
  OwnerAccountId?: string | undefined;
  OriginReadTimeout?: number | undefined;
  OriginKeepaliveTimeout?: number | undefined;
}
export interface OriginShield {
  Enabled: boolean | undefined;
  OriginShieldRegion?: string | undefined;
}
export interface Origin {
  Id: string | undefined;
  DomainName: string | undefined;
  OriginPath?: string | undefined;
  CustomHeaders?: CustomHeaders | undefined;
  S3OriginConfig?: S3OriginConfig | undefined;
  CustomOriginConfig?: CustomOriginConfig | undefined;
  VpcOriginConfig?: VpcOriginConfig | undefined;
  ConnectionAttempts?: number | undefined;
  ConnectionTimeout?: number | undefined;
  ResponseCompletionTimeout?: number | undefined;
  OriginShield?: OriginShield | undefined;
  OriginAccessControlId?: string | undefined;
}
export interface Origins {
  Quantity: number | undefined;
  Items: Origin[] | undefined;
}
export interface StatusCodes {
  Quantity: number | undefined;
  Items: number[] | undefined;
}
export interface OriginGroupFailoverCriteria {
  StatusCodes: StatusCodes | undefined;
}
export interface OriginGroupMember {
  OriginId: string | undefined;
}
export interface OriginGroupMembers {
  Quantity: number | undefined;
  Items: OriginGroupMember[] | undefined;
}
export type OriginGroupSelectionCriteria = "default" | "media-quality-based";
export interface OriginGroup {
  Id: string | undefined;
  FailoverCriteria: OriginGroupFailoverCriteria | undefined;
  Members: OriginGroupMembers | undefined;
  SelectionCriteria?: OriginGroupSelectionCriteria | undefined;
}
export interface OriginGroups {
  Quantity: number | undefined;
  Items?: OriginGroup[] | undefined;
}
export interface TrustedSigners {
  Enabled: boolean | undefined;
  Quantity: number | undefined;
  Items?: string[] | undefined;
}
export interface TrustedKeyGroups {
  Enabled: boolean | undefined;
  Quantity: number | undefined;
  Items?: string[] | undefined;
}
export type ViewerProtocolPolicy = "allow-all" | "https-only" | "redirect-to-https";
export type Method = "DELETE" | "GET" | "HEAD" | "OPTIONS" | "PATCH" | "POST" | "PUT";
export interface CachedMethods {
  Quantity: number | undefined;
  Items: Method[] | undefined;
}
export interface AllowedMethods {
  Quantity: number | undefined;
  Items: Method[] | undefined;
  CachedMethods?: CachedMethods | undefined;
}
export type EventType = "origin-request" | "origin-response" | "viewer-request" | "viewer-response";
export interface LambdaFunctionAssociation {
  LambdaFunctionARN: string | undefined;
  EventType: EventType | undefined;
  IncludeBody?: boolean | undefined;
}
export interface LambdaFunctionAssociations {
  Quantity: number | undefined;
  Items?: LambdaFunctionAssociation[] | undefined;
}
export interface FunctionAssociation {
  FunctionARN: string | undefined;
  EventType: EventType | undefined;
}
export interface FunctionAssociations {
  Quantity: number | undefined;
  Items?: FunctionAssociation[] | undefined;
}
export interface GrpcConfig {
  Enabled: boolean | undefined;
}
export type ItemSelection = "all" | "none" | "whitelist";
export interface CookieNames {
  Quantity: number | undefined;
  Items?: string[] | undefined;
}
export interface CookiePreference {
  Forward: ItemSelection | undefined;
  WhitelistedNames?: CookieNames | undefined;
}
export interface Headers {
  Quantity: number | undefined;
  Items?: string[] | undefined;
}
export interface QueryStringCacheKeys {
  Quantity: number | undefined;
  Items?: string[] | undefined;
}
export interface ForwardedValues {
  QueryString: boolean | undefined;
  Cookies: CookiePreference | undefined;
  Headers?: Headers | undefined;
  QueryStringCacheKeys?: QueryStringCacheKeys | undefined;
}
export interface DefaultCacheBehavior {
  TargetOriginId: string | undefined;
  TrustedSigners?: TrustedSigners | undefined;
  TrustedKeyGroups?: TrustedKeyGroups | undefined;
  ViewerProtocolPolicy: ViewerProtocolPolicy | undefined;
  AllowedMethods?: AllowedMethods | undefined;
  SmoothStreaming?: boolean | undefined;
  Compress?: boolean | undefined;
  LambdaFunctionAssociations?: LambdaFunctionAssociations | undefined;
  FunctionAssociations?: FunctionAssociations | undefined;
  FieldLevelEncryptionId?: string | undefined;
  RealtimeLogConfigArn?: string | undefined;
  CachePolicyId?: string | undefined;
  OriginRequestPolicyId?: string | undefined;
  ResponseHeadersPolicyId?: string | undefined;
  GrpcConfig?: GrpcConfig | undefined;
  ForwardedValues?: ForwardedValues | undefined;
  MinTTL?: number | undefined;
  DefaultTTL?: number | undefined;
  MaxTTL?: number | undefined;
}
export interface CacheBehavior {
  PathPattern: string | undefined;
  TargetOriginId: string | undefined;
  TrustedSigners?: TrustedSigners | undefined;
  TrustedKeyGroups?: TrustedKeyGroups | undefined;
  ViewerProtocolPolicy: ViewerProtocolPolicy | undefined;
  AllowedMethods?: AllowedMethods | undefined;
  SmoothStreaming?: boolean | undefined;
  Compress?: boolean | undefined;
  LambdaFunctionAssociations?: LambdaFunctionAssociations | undefined;
  FunctionAssociations?: FunctionAssociations | undefined;
  FieldLevelEncryptionId?: string | undefined;
  RealtimeLogConfigArn?: string | undefined;
  CachePolicyId?: string | undefined;
  OriginRequestPolicyId?: string | undefined;
  ResponseHeadersPolicyId?: string | undefined;
  GrpcConfig?: GrpcConfig | undefined;
  ForwardedValues?: ForwardedValues | undefined;
  MinTTL?: number | undefined;
  DefaultTTL?: number | undefined;
  MaxTTL?: number | undefined;
}
export interface CacheBehaviors {
  Quantity: number | undefined;
  Items?: CacheBehavior[] | undefined;
}
export interface CustomErrorResponse {
  ErrorCode: number | undefined;
  ResponsePagePath?: string | undefined;
  ResponseCode?: string | undefined;
  ErrorCachingMinTTL?: number | undefined;
}
export interface CustomErrorResponses {
  Quantity: number | undefined;
  Items?: CustomErrorResponse[] | undefined;
}
export type PriceClass = "None" | "PriceClass_100" | "PriceClass_200" | "PriceClass_All";
export type SSLSupportMethod = "sni-only" | "static-ip" | "vip";
export type MinimumProtocolVersion = "SSLv3" | "TLSv1" | "TLSv1.1_2016" | "TLSv1_2016" | "TLSv1.2_2018" | "TLSv1.2_2019" | "TLSv1.2_2021" | "TLSv1.2_2025" | "TLSv1.3_2025";
export interface Certificate {
  Arn: string | undefined;
}
export type CertificateSource = "acm" | "cloudfront" | "iam";
export interface ViewerCertificate {
  CloudFrontDefaultCertificate?: boolean | undefined;
  IAMCertificateId?: string | undefined;
  ACMCertificateArn?: string | undefined;
  SSLSupportMethod?: SSLSupportMethod | undefined;
  MinimumProtocolVersion?: MinimumProtocolVersion | undefined;
  Certificate?: string | undefined;
  CertificateSource?: CertificateSource | undefined;
}
export type GeoRestrictionType = "blacklist" | "none" | "whitelist";
export interface GeoRestriction {
  RestrictionType: GeoRestrictionType | undefined;
  Quantity: number | undefined;
  Items?: string[] | undefined;
}
export interface Restrictions {
  GeoRestriction: GeoRestriction | undefined;
}
export type HttpVersion = "http1.1" | "http2" | "http2and3" | "http3";
export type ICPRecordalStatus = "APPROVED" | "PENDING" | "SUSPENDED";
export interface AliasICPRecordal {
  CNAME?: string | undefined;
  ICPRecordalStatus?: ICPRecordalStatus | undefined;
}
export type ConnectionMode = "direct" | "tenant-only";
export type ViewerMtlsMode = "optional" | "passthrough" | "required";
export interface TrustStoreConfig {
  TrustStoreId: string | undefined;
  AdvertiseTrustStoreCaNames?: boolean | undefined;
  IgnoreCertificateExpiry?: boolean | undefined;
}
export interface ViewerMtlsConfig {
  Mode?: ViewerMtlsMode | undefined;
  TrustStoreConfig?: TrustStoreConfig | undefined;
}
export interface ConnectionFunctionAssociation {
  Id: string | undefined;
}
export interface DistributionSummary {
  Id: string | undefined;
  ARN: string | undefined;
  ETag?: string | undefined;
  Status: string | undefined;
  LastModifiedTime: Date | undefined;
  DomainName: string | undefined;
  Aliases: Aliases | undefined;
  Origins: Origins | undefined;
  OriginGroups?: OriginGroups | undefined;
  DefaultCacheBehavior: DefaultCacheBehavior | undefined;
  CacheBehaviors: CacheBehaviors | undefined;
  CustomErrorResponses: CustomErrorResponses | undefined;
  Comment: string | undefined;
  PriceClass: PriceClass | undefined;
  Enabled: boolean | undefined;
  ViewerCertificate: ViewerCertificate | undefined;
  Restrictions: Restrictions | undefined;
  WebACLId: string | undefined;
  HttpVersion: HttpVersion | undefined;
  IsIPV6Enabled: boolean | undefined;
  AliasICPRecordals?: AliasICPRecordal[] | undefined;
  Staging: boolean | undefined;
  ConnectionMode?: ConnectionMode | undefined;
  AnycastIpListId?: string | undefined;
  ViewerMtlsConfig?: ViewerMtlsConfig | undefined;
  ConnectionFunctionAssociation?: ConnectionFunctionAssociation | undefined;
}
export interface DistributionList {
  Marker: string | undefined;
  NextMarker?: string | undefined;
  MaxItems: number | undefined;
  IsTruncated: boolean | undefined;
  Quantity: number | undefined;
  Items?: DistributionSummary[] | undefined;
}
export interface ListDistributionsByConnectionFunctionResult {
  DistributionList?: DistributionList | undefined;
}
export interface UpdateConnectionFunctionRequest {
  Id: string | undefined;
  IfMatch: string | undefined;
  ConnectionFunctionConfig: FunctionConfig | undefined;
  ConnectionFunctionCode: Uint8Array | undefined;
}
export interface UpdateConnectionFunctionResult {
  ConnectionFunctionSummary?: ConnectionFunctionSummary | undefined;
  ETag?: string | undefined;
}
export interface PublishConnectionFunctionRequest {
  Id: string | undefined;
  IfMatch: string | undefined;
}
export interface PublishConnectionFunctionResult {
  ConnectionFunctionSummary?: ConnectionFunctionSummary | undefined;
}
export interface TestConnectionFunctionRequest {
  Id: string | undefined;
  IfMatch: string | undefined;
  Stage?: FunctionStage | undefined;
  ConnectionObject: Uint8Array | undefined;
}
export interface ConnectionFunctionTestResult {
  ConnectionFunctionSummary?: ConnectionFunctionSummary | undefined;
  ComputeUtilization?: string | undefined;
  ConnectionFunctionExecutionLogs?: string[] | undefined;
  ConnectionFunctionErrorMessage?: string | undefined;
  ConnectionFunctionOutput?: string | undefined;
}
export interface TestConnectionFunctionResult {
  ConnectionFunctionTestResult?: ConnectionFunctionTestResult | undefined;
}
export interface DeleteConnectionFunctionRequest {
  Id: string | undefined;
  IfMatch: string | undefined;
}


// ---- Commands: each input and output as the SDK names them.
/** GetConnectionFunction's code: a Uint8Array that also converts to text, as the SDK's (@smithy) Uint8ArrayBlobAdapter. */
export interface Uint8ArrayBlobAdapter extends Uint8Array {
  /** `"base64"` gives base64; any other encoding (default `"utf-8"`) decodes UTF-8. */
  transformToString(encoding?: string): string;
}

export interface CreateConnectionFunctionCommandInput extends CreateConnectionFunctionRequest {}
export interface CreateConnectionFunctionCommandOutput extends CreateConnectionFunctionResult, MetadataBearer {}

export interface DescribeConnectionFunctionCommandInput extends DescribeConnectionFunctionRequest {}
export interface DescribeConnectionFunctionCommandOutput extends DescribeConnectionFunctionResult, MetadataBearer {}

export interface GetConnectionFunctionCommandInput extends GetConnectionFunctionRequest {}
export type GetConnectionFunctionCommandOutputType = Omit<GetConnectionFunctionResult, "ConnectionFunctionCode"> & {
  ConnectionFunctionCode?: Uint8ArrayBlobAdapter;
};
export interface GetConnectionFunctionCommandOutput extends GetConnectionFunctionCommandOutputType, MetadataBearer {}

export interface ListConnectionFunctionsCommandInput extends ListConnectionFunctionsRequest {}
export interface ListConnectionFunctionsCommandOutput extends ListConnectionFunctionsResult, MetadataBearer {}

export interface ListDistributionsByConnectionFunctionCommandInput extends ListDistributionsByConnectionFunctionRequest {}
export interface ListDistributionsByConnectionFunctionCommandOutput extends ListDistributionsByConnectionFunctionResult, MetadataBearer {}

export interface UpdateConnectionFunctionCommandInput extends UpdateConnectionFunctionRequest {}
export interface UpdateConnectionFunctionCommandOutput extends UpdateConnectionFunctionResult, MetadataBearer {}

export interface PublishConnectionFunctionCommandInput extends PublishConnectionFunctionRequest {}
export interface PublishConnectionFunctionCommandOutput extends PublishConnectionFunctionResult, MetadataBearer {}

export interface TestConnectionFunctionCommandInput extends TestConnectionFunctionRequest {}
export interface TestConnectionFunctionCommandOutput extends TestConnectionFunctionResult, MetadataBearer {}

export interface DeleteConnectionFunctionCommandInput extends DeleteConnectionFunctionRequest {}
export interface DeleteConnectionFunctionCommandOutput extends MetadataBearer {}

export declare class CreateConnectionFunctionCommand {
  #private;
  readonly input: CreateConnectionFunctionCommandInput;
  constructor(input: CreateConnectionFunctionCommandInput);
}
export declare class DescribeConnectionFunctionCommand {
  #private;
  readonly input: DescribeConnectionFunctionCommandInput;
  constructor(input: DescribeConnectionFunctionCommandInput);
}
export declare class GetConnectionFunctionCommand {
  #private;
  readonly input: GetConnectionFunctionCommandInput;
  constructor(input: GetConnectionFunctionCommandInput);
}
export declare class ListConnectionFunctionsCommand {
  #private;
  readonly input: ListConnectionFunctionsCommandInput;
  constructor(input: ListConnectionFunctionsCommandInput);
}
export declare class ListDistributionsByConnectionFunctionCommand {
  #private;
  readonly input: ListDistributionsByConnectionFunctionCommandInput;
  constructor(input: ListDistributionsByConnectionFunctionCommandInput);
}
export declare class UpdateConnectionFunctionCommand {
  #private;
  readonly input: UpdateConnectionFunctionCommandInput;
  constructor(input: UpdateConnectionFunctionCommandInput);
}
export declare class PublishConnectionFunctionCommand {
  #private;
  readonly input: PublishConnectionFunctionCommandInput;
  constructor(input: PublishConnectionFunctionCommandInput);
}
export declare class TestConnectionFunctionCommand {
  #private;
  readonly input: TestConnectionFunctionCommandInput;
  constructor(input: TestConnectionFunctionCommandInput);
}
export declare class DeleteConnectionFunctionCommand {
  #private;
  readonly input: DeleteConnectionFunctionCommandInput;
  constructor(input: DeleteConnectionFunctionCommandInput);
}

export interface HttpHandlerOptions {
  abortSignal?: AbortSignal;
}

export type ServiceInputTypes =
  | CreateConnectionFunctionCommandInput
  | DescribeConnectionFunctionCommandInput
  | GetConnectionFunctionCommandInput
  | ListConnectionFunctionsCommandInput
  | ListDistributionsByConnectionFunctionCommandInput
  | UpdateConnectionFunctionCommandInput
  | PublishConnectionFunctionCommandInput
  | TestConnectionFunctionCommandInput
  | DeleteConnectionFunctionCommandInput;
export type ServiceOutputTypes =
  | CreateConnectionFunctionCommandOutput
  | DescribeConnectionFunctionCommandOutput
  | GetConnectionFunctionCommandOutput
  | ListConnectionFunctionsCommandOutput
  | ListDistributionsByConnectionFunctionCommandOutput
  | UpdateConnectionFunctionCommandOutput
  | PublishConnectionFunctionCommandOutput
  | TestConnectionFunctionCommandOutput
  | DeleteConnectionFunctionCommandOutput;

export declare class CloudFrontClient {
  readonly config: Omit<CloudFrontClientConfig, "region" | "systemClockOffset"> & {
    region: string | (() => Promise<string>);
    systemClockOffset: number;
  };
  constructor(config: CloudFrontClientConfig);
  send(command: CreateConnectionFunctionCommand, options?: HttpHandlerOptions): Promise<CreateConnectionFunctionCommandOutput>;
  send(command: DescribeConnectionFunctionCommand, options?: HttpHandlerOptions): Promise<DescribeConnectionFunctionCommandOutput>;
  send(command: GetConnectionFunctionCommand, options?: HttpHandlerOptions): Promise<GetConnectionFunctionCommandOutput>;
  send(command: ListConnectionFunctionsCommand, options?: HttpHandlerOptions): Promise<ListConnectionFunctionsCommandOutput>;
  send(command: ListDistributionsByConnectionFunctionCommand, options?: HttpHandlerOptions): Promise<ListDistributionsByConnectionFunctionCommandOutput>;
  send(command: UpdateConnectionFunctionCommand, options?: HttpHandlerOptions): Promise<UpdateConnectionFunctionCommandOutput>;
  send(command: PublishConnectionFunctionCommand, options?: HttpHandlerOptions): Promise<PublishConnectionFunctionCommandOutput>;
  send(command: TestConnectionFunctionCommand, options?: HttpHandlerOptions): Promise<TestConnectionFunctionCommandOutput>;
  send(command: DeleteConnectionFunctionCommand, options?: HttpHandlerOptions): Promise<DeleteConnectionFunctionCommandOutput>;
  createConnectionFunction(input: CreateConnectionFunctionCommandInput, options?: HttpHandlerOptions): Promise<CreateConnectionFunctionCommandOutput>;
  describeConnectionFunction(input: DescribeConnectionFunctionCommandInput, options?: HttpHandlerOptions): Promise<DescribeConnectionFunctionCommandOutput>;
  getConnectionFunction(input: GetConnectionFunctionCommandInput, options?: HttpHandlerOptions): Promise<GetConnectionFunctionCommandOutput>;
  listConnectionFunctions(input: ListConnectionFunctionsCommandInput, options?: HttpHandlerOptions): Promise<ListConnectionFunctionsCommandOutput>;
  listDistributionsByConnectionFunction(input: ListDistributionsByConnectionFunctionCommandInput, options?: HttpHandlerOptions): Promise<ListDistributionsByConnectionFunctionCommandOutput>;
  updateConnectionFunction(input: UpdateConnectionFunctionCommandInput, options?: HttpHandlerOptions): Promise<UpdateConnectionFunctionCommandOutput>;
  publishConnectionFunction(input: PublishConnectionFunctionCommandInput, options?: HttpHandlerOptions): Promise<PublishConnectionFunctionCommandOutput>;
  testConnectionFunction(input: TestConnectionFunctionCommandInput, options?: HttpHandlerOptions): Promise<TestConnectionFunctionCommandOutput>;
  deleteConnectionFunction(input: DeleteConnectionFunctionCommandInput, options?: HttpHandlerOptions): Promise<DeleteConnectionFunctionCommandOutput>;
  /** Frees the wasm-side client; later calls are refused. */
  destroy(): void;
}

// ---- Paginators (the SDK's createPaginator): async generators of whole pages.
export type Paginator<T> = AsyncGenerator<T, undefined, unknown>;

export interface CloudFrontPaginationConfiguration {
  /** Must be a CloudFrontClient of this package; anything else rejects on the first page. */
  client: CloudFrontClient;
  /** `MaxItems` of each request, unless the input sets it. */
  pageSize?: number;
  /** The first `Marker` (instead of the input's). */
  startingToken?: string;
  /** Also stop when a page's next marker equals the one just sent. */
  stopOnSameToken?: boolean;
}

export declare function paginateListConnectionFunctions(
  config: CloudFrontPaginationConfiguration & {
    withCommand?: (command: ListConnectionFunctionsCommand) => ListConnectionFunctionsCommand | undefined;
  },
  input: ListConnectionFunctionsCommandInput,
  options?: HttpHandlerOptions,
): Paginator<ListConnectionFunctionsCommandOutput>;

export declare function paginateListDistributionsByConnectionFunction(
  config: CloudFrontPaginationConfiguration & {
    withCommand?: (
      command: ListDistributionsByConnectionFunctionCommand,
    ) => ListDistributionsByConnectionFunctionCommand | undefined;
  },
  input: ListDistributionsByConnectionFunctionCommandInput,
  options?: HttpHandlerOptions,
): Paginator<ListDistributionsByConnectionFunctionCommandOutput>;

// ---- Errors
export interface ServiceExceptionOptions {
  name: string;
  message: string;
  $fault: "client" | "server";
  $metadata: ResponseMetadata;
  [field: string]: unknown;
}

/** Every error CloudFront answered with; `name` is its error code. */
export declare class CloudFrontServiceException extends Error {
  readonly $fault: "client" | "server";
  readonly $retryable: undefined;
  $metadata: ResponseMetadata;
  /** Fields copied from the error envelope, as the SDK copies them. */
  Error?: { Type?: string; Code?: string; Message?: string };
  Type?: string;
  Code?: string;
  RequestId?: string;
  constructor(options: ServiceExceptionOptions);
}

export declare class AccessDenied extends CloudFrontServiceException {
  readonly name: "AccessDenied";
  readonly $fault: "client";
}
export declare class EntityNotFound extends CloudFrontServiceException {
  readonly name: "EntityNotFound";
  readonly $fault: "client";
}
export declare class UnsupportedOperation extends CloudFrontServiceException {
  readonly name: "UnsupportedOperation";
  readonly $fault: "client";
}
export declare class InvalidArgument extends CloudFrontServiceException {
  readonly name: "InvalidArgument";
  readonly $fault: "client";
}
export declare class EntityAlreadyExists extends CloudFrontServiceException {
  readonly name: "EntityAlreadyExists";
  readonly $fault: "client";
}
export declare class EntityLimitExceeded extends CloudFrontServiceException {
  readonly name: "EntityLimitExceeded";
  readonly $fault: "client";
}
export declare class EntitySizeLimitExceeded extends CloudFrontServiceException {
  readonly name: "EntitySizeLimitExceeded";
  readonly $fault: "client";
}
export declare class InvalidTagging extends CloudFrontServiceException {
  readonly name: "InvalidTagging";
  readonly $fault: "client";
}
export declare class PreconditionFailed extends CloudFrontServiceException {
  readonly name: "PreconditionFailed";
  readonly $fault: "client";
}
export declare class InvalidIfMatchVersion extends CloudFrontServiceException {
  readonly name: "InvalidIfMatchVersion";
  readonly $fault: "client";
}
export declare class CannotDeleteEntityWhileInUse extends CloudFrontServiceException {
  readonly name: "CannotDeleteEntityWhileInUse";
  readonly $fault: "client";
}
export declare class TestFunctionFailed extends CloudFrontServiceException {
  readonly name: "TestFunctionFailed";
  readonly $fault: "server";
}

/**
 * Loads the wasm module ahead of the first call (optional). `input` may be the .wasm's URL,
 * a Response, or its bytes, for pages that serve it from elsewhere. A failed load may be retried.
 */
export declare function init(input?: string | URL | Response | BufferSource | WebAssembly.Module): Promise<void>;
