// Compiled (never run) by tests/js/types.test.mjs: every input, output and model shape our declarations
// export is the same type as the SDK's of that name (assignable both ways), and so are the paginators'
// page types. The SDK's declarations come from node_modules.
import type * as S from "@aws-sdk/client-cloudfront";
// @ts-types="../../../js/index.d.ts"
import type * as O from "../../../js/index.js";

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Page<P> = P extends (...args: never[]) => AsyncGenerator<infer T, unknown, unknown> ? T : never;

export const same: {
  CreateConnectionFunctionInput: Same<S.CreateConnectionFunctionCommandInput, O.CreateConnectionFunctionCommandInput>;
  CreateConnectionFunctionOutput: Same<S.CreateConnectionFunctionCommandOutput, O.CreateConnectionFunctionCommandOutput>;
  DescribeConnectionFunctionInput: Same<S.DescribeConnectionFunctionCommandInput, O.DescribeConnectionFunctionCommandInput>;
  DescribeConnectionFunctionOutput: Same<S.DescribeConnectionFunctionCommandOutput, O.DescribeConnectionFunctionCommandOutput>;
  GetConnectionFunctionInput: Same<S.GetConnectionFunctionCommandInput, O.GetConnectionFunctionCommandInput>;
  GetConnectionFunctionOutput: Same<S.GetConnectionFunctionCommandOutput, O.GetConnectionFunctionCommandOutput>;
  ListConnectionFunctionsInput: Same<S.ListConnectionFunctionsCommandInput, O.ListConnectionFunctionsCommandInput>;
  ListConnectionFunctionsOutput: Same<S.ListConnectionFunctionsCommandOutput, O.ListConnectionFunctionsCommandOutput>;
  ListDistributionsByConnectionFunctionInput: Same<S.ListDistributionsByConnectionFunctionCommandInput, O.ListDistributionsByConnectionFunctionCommandInput>;
  ListDistributionsByConnectionFunctionOutput: Same<S.ListDistributionsByConnectionFunctionCommandOutput, O.ListDistributionsByConnectionFunctionCommandOutput>;
  UpdateConnectionFunctionInput: Same<S.UpdateConnectionFunctionCommandInput, O.UpdateConnectionFunctionCommandInput>;
  UpdateConnectionFunctionOutput: Same<S.UpdateConnectionFunctionCommandOutput, O.UpdateConnectionFunctionCommandOutput>;
  PublishConnectionFunctionInput: Same<S.PublishConnectionFunctionCommandInput, O.PublishConnectionFunctionCommandInput>;
  PublishConnectionFunctionOutput: Same<S.PublishConnectionFunctionCommandOutput, O.PublishConnectionFunctionCommandOutput>;
  TestConnectionFunctionInput: Same<S.TestConnectionFunctionCommandInput, O.TestConnectionFunctionCommandInput>;
  TestConnectionFunctionOutput: Same<S.TestConnectionFunctionCommandOutput, O.TestConnectionFunctionCommandOutput>;
  DeleteConnectionFunctionInput: Same<S.DeleteConnectionFunctionCommandInput, O.DeleteConnectionFunctionCommandInput>;
  DeleteConnectionFunctionOutput: Same<S.DeleteConnectionFunctionCommandOutput, O.DeleteConnectionFunctionCommandOutput>;
  FunctionRuntime: Same<S.FunctionRuntime, O.FunctionRuntime>;
  KeyValueStoreAssociation: Same<S.KeyValueStoreAssociation, O.KeyValueStoreAssociation>;
  KeyValueStoreAssociations: Same<S.KeyValueStoreAssociations, O.KeyValueStoreAssociations>;
  FunctionConfig: Same<S.FunctionConfig, O.FunctionConfig>;
  Tag: Same<S.Tag, O.Tag>;
  Tags: Same<S.Tags, O.Tags>;
  CreateConnectionFunctionRequest: Same<S.CreateConnectionFunctionRequest, O.CreateConnectionFunctionRequest>;
  FunctionStage: Same<S.FunctionStage, O.FunctionStage>;
  ConnectionFunctionSummary: Same<S.ConnectionFunctionSummary, O.ConnectionFunctionSummary>;
  CreateConnectionFunctionResult: Same<S.CreateConnectionFunctionResult, O.CreateConnectionFunctionResult>;
  DescribeConnectionFunctionRequest: Same<S.DescribeConnectionFunctionRequest, O.DescribeConnectionFunctionRequest>;
  DescribeConnectionFunctionResult: Same<S.DescribeConnectionFunctionResult, O.DescribeConnectionFunctionResult>;
  GetConnectionFunctionRequest: Same<S.GetConnectionFunctionRequest, O.GetConnectionFunctionRequest>;
  GetConnectionFunctionResult: Same<S.GetConnectionFunctionResult, O.GetConnectionFunctionResult>;
  ListConnectionFunctionsRequest: Same<S.ListConnectionFunctionsRequest, O.ListConnectionFunctionsRequest>;
  ListConnectionFunctionsResult: Same<S.ListConnectionFunctionsResult, O.ListConnectionFunctionsResult>;
  ListDistributionsByConnectionFunctionRequest: Same<S.ListDistributionsByConnectionFunctionRequest, O.ListDistributionsByConnectionFunctionRequest>;
  Aliases: Same<S.Aliases, O.Aliases>;
  OriginCustomHeader: Same<S.OriginCustomHeader, O.OriginCustomHeader>;
  CustomHeaders: Same<S.CustomHeaders, O.CustomHeaders>;
  S3OriginConfig: Same<S.S3OriginConfig, O.S3OriginConfig>;
  OriginProtocolPolicy: Same<S.OriginProtocolPolicy, O.OriginProtocolPolicy>;
  SslProtocol: Same<S.SslProtocol, O.SslProtocol>;
  OriginSslProtocols: Same<S.OriginSslProtocols, O.OriginSslProtocols>;
  IpAddressType: Same<S.IpAddressType, O.IpAddressType>;
  OriginMtlsConfig: Same<S.OriginMtlsConfig, O.OriginMtlsConfig>;
  CustomOriginConfig: Same<S.CustomOriginConfig, O.CustomOriginConfig>;
  VpcOriginConfig: Same<S.VpcOriginConfig, O.VpcOriginConfig>;
  OriginShield: Same<S.OriginShield, O.OriginShield>;
  Origin: Same<S.Origin, O.Origin>;
  Origins: Same<S.Origins, O.Origins>;
  StatusCodes: Same<S.StatusCodes, O.StatusCodes>;
  OriginGroupFailoverCriteria: Same<S.OriginGroupFailoverCriteria, O.OriginGroupFailoverCriteria>;
  OriginGroupMember: Same<S.OriginGroupMember, O.OriginGroupMember>;
  OriginGroupMembers: Same<S.OriginGroupMembers, O.OriginGroupMembers>;
  OriginGroupSelectionCriteria: Same<S.OriginGroupSelectionCriteria, O.OriginGroupSelectionCriteria>;
  OriginGroup: Same<S.OriginGroup, O.OriginGroup>;
  OriginGroups: Same<S.OriginGroups, O.OriginGroups>;
  TrustedSigners: Same<S.TrustedSigners, O.TrustedSigners>;
  TrustedKeyGroups: Same<S.TrustedKeyGroups, O.TrustedKeyGroups>;
  ViewerProtocolPolicy: Same<S.ViewerProtocolPolicy, O.ViewerProtocolPolicy>;
  Method: Same<S.Method, O.Method>;
  CachedMethods: Same<S.CachedMethods, O.CachedMethods>;
  AllowedMethods: Same<S.AllowedMethods, O.AllowedMethods>;
  EventType: Same<S.EventType, O.EventType>;
  LambdaFunctionAssociation: Same<S.LambdaFunctionAssociation, O.LambdaFunctionAssociation>;
  LambdaFunctionAssociations: Same<S.LambdaFunctionAssociations, O.LambdaFunctionAssociations>;
  FunctionAssociation: Same<S.FunctionAssociation, O.FunctionAssociation>;
  FunctionAssociations: Same<S.FunctionAssociations, O.FunctionAssociations>;
  GrpcConfig: Same<S.GrpcConfig, O.GrpcConfig>;
  ItemSelection: Same<S.ItemSelection, O.ItemSelection>;
  CookieNames: Same<S.CookieNames, O.CookieNames>;
  CookiePreference: Same<S.CookiePreference, O.CookiePreference>;
  Headers: Same<S.Headers, O.Headers>;
  QueryStringCacheKeys: Same<S.QueryStringCacheKeys, O.QueryStringCacheKeys>;
  ForwardedValues: Same<S.ForwardedValues, O.ForwardedValues>;
  DefaultCacheBehavior: Same<S.DefaultCacheBehavior, O.DefaultCacheBehavior>;
  CacheBehavior: Same<S.CacheBehavior, O.CacheBehavior>;
  CacheBehaviors: Same<S.CacheBehaviors, O.CacheBehaviors>;
  CustomErrorResponse: Same<S.CustomErrorResponse, O.CustomErrorResponse>;
  CustomErrorResponses: Same<S.CustomErrorResponses, O.CustomErrorResponses>;
  PriceClass: Same<S.PriceClass, O.PriceClass>;
  SSLSupportMethod: Same<S.SSLSupportMethod, O.SSLSupportMethod>;
  MinimumProtocolVersion: Same<S.MinimumProtocolVersion, O.MinimumProtocolVersion>;
  Certificate: Same<S.Certificate, O.Certificate>;
  CertificateSource: Same<S.CertificateSource, O.CertificateSource>;
  ViewerCertificate: Same<S.ViewerCertificate, O.ViewerCertificate>;
  GeoRestrictionType: Same<S.GeoRestrictionType, O.GeoRestrictionType>;
  GeoRestriction: Same<S.GeoRestriction, O.GeoRestriction>;
  Restrictions: Same<S.Restrictions, O.Restrictions>;
  HttpVersion: Same<S.HttpVersion, O.HttpVersion>;
  ICPRecordalStatus: Same<S.ICPRecordalStatus, O.ICPRecordalStatus>;
  AliasICPRecordal: Same<S.AliasICPRecordal, O.AliasICPRecordal>;
  ConnectionMode: Same<S.ConnectionMode, O.ConnectionMode>;
  ViewerMtlsMode: Same<S.ViewerMtlsMode, O.ViewerMtlsMode>;
  TrustStoreConfig: Same<S.TrustStoreConfig, O.TrustStoreConfig>;
  ViewerMtlsConfig: Same<S.ViewerMtlsConfig, O.ViewerMtlsConfig>;
  ConnectionFunctionAssociation: Same<S.ConnectionFunctionAssociation, O.ConnectionFunctionAssociation>;
  DistributionSummary: Same<S.DistributionSummary, O.DistributionSummary>;
  DistributionList: Same<S.DistributionList, O.DistributionList>;
  ListDistributionsByConnectionFunctionResult: Same<S.ListDistributionsByConnectionFunctionResult, O.ListDistributionsByConnectionFunctionResult>;
  UpdateConnectionFunctionRequest: Same<S.UpdateConnectionFunctionRequest, O.UpdateConnectionFunctionRequest>;
  UpdateConnectionFunctionResult: Same<S.UpdateConnectionFunctionResult, O.UpdateConnectionFunctionResult>;
  PublishConnectionFunctionRequest: Same<S.PublishConnectionFunctionRequest, O.PublishConnectionFunctionRequest>;
  PublishConnectionFunctionResult: Same<S.PublishConnectionFunctionResult, O.PublishConnectionFunctionResult>;
  TestConnectionFunctionRequest: Same<S.TestConnectionFunctionRequest, O.TestConnectionFunctionRequest>;
  ConnectionFunctionTestResult: Same<S.ConnectionFunctionTestResult, O.ConnectionFunctionTestResult>;
  TestConnectionFunctionResult: Same<S.TestConnectionFunctionResult, O.TestConnectionFunctionResult>;
  DeleteConnectionFunctionRequest: Same<S.DeleteConnectionFunctionRequest, O.DeleteConnectionFunctionRequest>;
  ListConnectionFunctionsPage: Same<Page<typeof S.paginateListConnectionFunctions>, Page<typeof O.paginateListConnectionFunctions>>;
  ListDistributionsPage: Same<Page<typeof S.paginateListDistributionsByConnectionFunction>, Page<typeof O.paginateListDistributionsByConnectionFunction>>;
} = {
  CreateConnectionFunctionInput: true,
  CreateConnectionFunctionOutput: true,
  DescribeConnectionFunctionInput: true,
  DescribeConnectionFunctionOutput: true,
  GetConnectionFunctionInput: true,
  GetConnectionFunctionOutput: true,
  ListConnectionFunctionsInput: true,
  ListConnectionFunctionsOutput: true,
  ListDistributionsByConnectionFunctionInput: true,
  ListDistributionsByConnectionFunctionOutput: true,
  UpdateConnectionFunctionInput: true,
  UpdateConnectionFunctionOutput: true,
  PublishConnectionFunctionInput: true,
  PublishConnectionFunctionOutput: true,
  TestConnectionFunctionInput: true,
  TestConnectionFunctionOutput: true,
  DeleteConnectionFunctionInput: true,
  DeleteConnectionFunctionOutput: true,
  FunctionRuntime: true,
  KeyValueStoreAssociation: true,
  KeyValueStoreAssociations: true,
  FunctionConfig: true,
  Tag: true,
  Tags: true,
  CreateConnectionFunctionRequest: true,
  FunctionStage: true,
  ConnectionFunctionSummary: true,
  CreateConnectionFunctionResult: true,
  DescribeConnectionFunctionRequest: true,
  DescribeConnectionFunctionResult: true,
  GetConnectionFunctionRequest: true,
  GetConnectionFunctionResult: true,
  ListConnectionFunctionsRequest: true,
  ListConnectionFunctionsResult: true,
  ListDistributionsByConnectionFunctionRequest: true,
  Aliases: true,
  OriginCustomHeader: true,
  CustomHeaders: true,
  S3OriginConfig: true,
  OriginProtocolPolicy: true,
  SslProtocol: true,
  OriginSslProtocols: true,
  IpAddressType: true,
  OriginMtlsConfig: true,
  CustomOriginConfig: true,
  VpcOriginConfig: true,
  OriginShield: true,
  Origin: true,
  Origins: true,
  StatusCodes: true,
  OriginGroupFailoverCriteria: true,
  OriginGroupMember: true,
  OriginGroupMembers: true,
  OriginGroupSelectionCriteria: true,
  OriginGroup: true,
  OriginGroups: true,
  TrustedSigners: true,
  TrustedKeyGroups: true,
  ViewerProtocolPolicy: true,
  Method: true,
  CachedMethods: true,
  AllowedMethods: true,
  EventType: true,
  LambdaFunctionAssociation: true,
  LambdaFunctionAssociations: true,
  FunctionAssociation: true,
  FunctionAssociations: true,
  GrpcConfig: true,
  ItemSelection: true,
  CookieNames: true,
  CookiePreference: true,
  Headers: true,
  QueryStringCacheKeys: true,
  ForwardedValues: true,
  DefaultCacheBehavior: true,
  CacheBehavior: true,
  CacheBehaviors: true,
  CustomErrorResponse: true,
  CustomErrorResponses: true,
  PriceClass: true,
  SSLSupportMethod: true,
  MinimumProtocolVersion: true,
  Certificate: true,
  CertificateSource: true,
  ViewerCertificate: true,
  GeoRestrictionType: true,
  GeoRestriction: true,
  Restrictions: true,
  HttpVersion: true,
  ICPRecordalStatus: true,
  AliasICPRecordal: true,
  ConnectionMode: true,
  ViewerMtlsMode: true,
  TrustStoreConfig: true,
  ViewerMtlsConfig: true,
  ConnectionFunctionAssociation: true,
  DistributionSummary: true,
  DistributionList: true,
  ListDistributionsByConnectionFunctionResult: true,
  UpdateConnectionFunctionRequest: true,
  UpdateConnectionFunctionResult: true,
  PublishConnectionFunctionRequest: true,
  PublishConnectionFunctionResult: true,
  TestConnectionFunctionRequest: true,
  ConnectionFunctionTestResult: true,
  TestConnectionFunctionResult: true,
  DeleteConnectionFunctionRequest: true,
  ListConnectionFunctionsPage: true,
  ListDistributionsPage: true,
};
