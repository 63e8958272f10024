// Types for cloudfront-wasm: the same shapes as @aws-sdk/client-cloudfront's for the
// operations this package implements.

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

export type FunctionStage = "DEVELOPMENT" | "LIVE";
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
  Runtime: FunctionRuntime | string | undefined;
  KeyValueStoreAssociations?: KeyValueStoreAssociations | undefined;
}

export interface ConnectionFunctionSummary {
  Name: string | undefined;
  Id: string | undefined;
  ConnectionFunctionConfig: FunctionConfig | undefined;
  ConnectionFunctionArn: string | undefined;
  Status: string | undefined;
  Stage: FunctionStage | string | undefined;
  CreatedTime: Date | undefined;
  LastModifiedTime: Date | undefined;
}

export interface DescribeConnectionFunctionCommandInput {
  /** The function's name, id or ARN. */
  Identifier: string | undefined;
  Stage?: FunctionStage | undefined;
}

export interface DescribeConnectionFunctionCommandOutput extends MetadataBearer {
  ConnectionFunctionSummary?: ConnectionFunctionSummary | undefined;
  ETag?: string | undefined;
}

export interface HttpHandlerOptions {
  abortSignal?: AbortSignal;
}

export declare class DescribeConnectionFunctionCommand {
  readonly input: DescribeConnectionFunctionCommandInput;
  constructor(input: DescribeConnectionFunctionCommandInput);
}

export declare class CloudFrontClient {
  readonly config: Omit<CloudFrontClientConfig, "region" | "systemClockOffset"> & {
    region: string | (() => Promise<string>);
    systemClockOffset: number;
  };
  constructor(config: CloudFrontClientConfig);
  send(command: DescribeConnectionFunctionCommand, options?: HttpHandlerOptions): Promise<DescribeConnectionFunctionCommandOutput>;
  describeConnectionFunction(
    input: DescribeConnectionFunctionCommandInput,
    options?: HttpHandlerOptions,
  ): Promise<DescribeConnectionFunctionCommandOutput>;
  /** Frees the wasm-side client; later calls are refused. */
  destroy(): void;
}

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

/**
 * Loads the wasm module ahead of the first call (optional). `input` may be the .wasm's URL,
 * a Response, or its bytes, for pages that serve it from elsewhere.
 */
export declare function init(input?: string | URL | Response | BufferSource | WebAssembly.Module): Promise<void>;
